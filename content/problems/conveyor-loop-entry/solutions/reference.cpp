class Solution {
public:
    int loopEntry(vector<int>& next_station, int start) {
        // Floyd: fast moves two stations per step, slow one; -1 means the tote leaves.
        int slow = start, fast = start;
        while (true) {
            if (next_station[fast] == -1 || next_station[next_station[fast]] == -1) return -1;
            slow = next_station[slow];
            fast = next_station[next_station[fast]];
            if (slow == fast) break;
        }
        // The meeting point is as far from the entry (going forward) as the start is.
        slow = start;
        while (slow != fast) {
            slow = next_station[slow];
            fast = next_station[fast];
        }
        return slow;
    }
};
