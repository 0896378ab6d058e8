import java.io.DataInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Collections;
import java.util.PriorityQueue;

public class Main {
    private static final DataInputStream in = new DataInputStream(System.in);
    private static final byte[] buffer = new byte[1 << 16];
    private static int length = 0, pointer = 0;

    private static int read() throws IOException {
        if (pointer == length) {
            length = in.read(buffer, 0, buffer.length);
            pointer = 0;
            if (length <= 0) return -1;
        }
        return buffer[pointer++];
    }

    /** Skips blanks and returns the first character of the next word, consuming the word. */
    private static int nextWord() throws IOException {
        int c = read();
        while (c == ' ' || c == '\n' || c == '\r') c = read();
        int first = c;
        while (c > ' ') c = read();
        return first;
    }

    private static long nextLong() throws IOException {
        int c = read();
        while (c != '-' && (c < '0' || c > '9')) c = read();
        boolean negative = c == '-';
        if (negative) c = read();
        long value = 0;
        while (c >= '0' && c <= '9') {
            value = value * 10 + (c - '0');
            c = read();
        }
        return negative ? -value : value;
    }

    public static void main(String[] args) throws IOException {
        int q = (int) nextLong();
        PriorityQueue<Long> low = new PriorityQueue<>(Collections.reverseOrder());
        PriorityQueue<Long> high = new PriorityQueue<>();  // low has high's size or one more
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < q; i++) {
            if (nextWord() == 'a') {
                low.add(nextLong());
                high.add(low.poll());
                if (high.size() > low.size()) low.add(high.poll());
            } else {
                long twice = low.size() > high.size() ? 2 * low.peek() : low.peek() + high.peek();
                if (twice < 0) out.append('-');
                long magnitude = Math.abs(twice);
                out.append(magnitude / 2).append(magnitude % 2 == 0 ? ".0" : ".5").append('\n');
            }
        }
        PrintWriter writer = new PrintWriter(System.out);
        writer.print(out);
        writer.flush();
    }
}
