class Solution {
public:
    vector<int> reverseBlocks(vector<int>& values, vector<int>& next_node, int head, int k) {
        vector<int>& nxt = next_node;  // relinked in place
        int new_head = head, prev_tail = -1, block = head;
        while (true) {
            // Is there a full block of k nodes from here? `after` ends on the next block's start.
            int after = block, count = 0;
            while (after != -1 && count < k) {
                after = nxt[after];
                ++count;
            }
            if (count < k) break;  // a short last block keeps its order
            int prev = after, node = block;
            for (int i = 0; i < k; ++i) {
                int following = nxt[node];
                nxt[node] = prev;
                prev = node;
                node = following;
            }
            if (prev_tail == -1) new_head = prev;
            else nxt[prev_tail] = prev;
            prev_tail = block;
            block = after;
        }
        vector<int> order;
        order.reserve(values.size());
        for (int node = new_head; node != -1; node = nxt[node]) order.push_back(values[node]);
        return order;
    }
};
