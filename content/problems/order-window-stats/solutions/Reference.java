import java.io.DataInputStream;
import java.io.IOException;
import java.io.PrintWriter;

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

    /** Skips blanks and returns the first letter of the next word, skipping the rest of it. */
    private static int readWord() throws IOException {
        int c = read();
        while (c == ' ' || c == '\n' || c == '\r' || c == '\t') c = read();
        int first = c;
        while (c != -1 && c != ' ' && c != '\n' && c != '\r' && c != '\t') c = read();
        return first;
    }

    private static long nextLong() throws IOException {
        int c = read();
        while (c != -1 && (c < '0' || c > '9')) c = read();
        long value = 0;
        while (c >= '0' && c <= '9') {
            value = value * 10 + (c - '0');
            c = read();
        }
        return value;
    }

    public static void main(String[] args) throws IOException {
        int q = (int) nextLong();
        long window = nextLong();
        // Both queues are arrays with a head index: every order is appended at most once.
        long[] orderTime = new long[q], orderValue = new long[q];
        long[] bestTime = new long[q], bestValue = new long[q];
        int orderHead = 0, orderTail = 0, bestHead = 0, bestTail = 0;
        long total = 0;
        StringBuilder out = new StringBuilder();
        for (int k = 0; k < q; k++) {
            if (readWord() == 'o') {
                long t = nextLong(), v = nextLong();
                orderTime[orderTail] = t;
                orderValue[orderTail++] = v;
                total += v;
                while (bestTail > bestHead && bestValue[bestTail - 1] <= v) bestTail--;
                bestTime[bestTail] = t;
                bestValue[bestTail++] = v;
            } else {
                long oldest = nextLong() - window;
                while (orderHead < orderTail && orderTime[orderHead] <= oldest) total -= orderValue[orderHead++];
                while (bestHead < bestTail && bestTime[bestHead] <= oldest) bestHead++;
                long largest = bestHead < bestTail ? bestValue[bestHead] : 0;
                out.append(orderTail - orderHead).append(' ').append(total).append(' ').append(largest).append('\n');
            }
        }
        PrintWriter writer = new PrintWriter(System.out);
        writer.print(out);
        writer.flush();
    }
}
