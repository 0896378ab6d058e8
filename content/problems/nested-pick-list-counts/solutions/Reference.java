import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;

public class Main {
    public static void main(String[] args) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(System.in));
        String s = reader.readLine().trim();
        long[] counts = new long[26];
        long[] saved = new long[s.length() + 1]; // the factor outside each open group
        int top = 0;
        long factor = 1; // the product of the open groups' multipliers (<= 10^18)
        long number = 0;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch >= '0' && ch <= '9') {
                number = number * 10 + (ch - '0');
            } else if (ch == '(') {
                saved[top++] = factor;
                factor *= number;
                number = 0;
            } else if (ch == ')') {
                factor = saved[--top];
            } else {
                counts[ch - 'A'] += factor;
            }
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 26; i++) {
            if (counts[i] > 0) out.append((char) ('A' + i)).append(' ').append(counts[i]).append('\n');
        }
        System.out.print(out);
    }
}
