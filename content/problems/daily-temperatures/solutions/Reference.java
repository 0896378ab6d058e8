class Solution {
    public int[] daysUntilWarmer(int[] temperatures) {
        int n = temperatures.length;
        int[] answer = new int[n];
        int[] waiting = new int[n];  // stack of indices, temperatures non-increasing upwards
        int top = 0;
        for (int j = 0; j < n; j++) {
            while (top > 0 && temperatures[waiting[top - 1]] < temperatures[j]) {
                int i = waiting[--top];
                answer[i] = j - i;
            }
            waiting[top++] = j;
        }
        return answer;
    }
}
