import java.util.*;

class Solution {
    private String digits;
    private int parts, widest;
    private long maxValue;
    private final Deque<String> chosen = new ArrayDeque<>();
    private final List<String> found = new ArrayList<>();

    private void search(int start) {
        int n = digits.length();
        int leftParts = parts - chosen.size();
        int leftDigits = n - start;
        if (leftParts == 0) {
            if (leftDigits == 0) found.add(String.join("-", chosen));
            return;
        }
        if (leftDigits < leftParts || leftDigits > (long) leftParts * widest) return;
        long value = 0;
        for (int end = start + 1; end <= Math.min(n, start + widest); end++) {
            if (end - start > 1 && digits.charAt(start) == '0') break;
            value = value * 10 + (digits.charAt(end - 1) - '0');  // at most 10 digits: fits
            if (value > maxValue) break;
            chosen.addLast(digits.substring(start, end));
            search(end);
            chosen.removeLast();
        }
    }

    public String[] restoreCodes(String digits, int parts, int max_value) {
        this.digits = digits;
        this.parts = parts;
        this.maxValue = max_value;
        this.widest = Integer.toString(max_value).length();
        chosen.clear();
        found.clear();
        search(0);
        return found.toArray(new String[0]);
    }
}
