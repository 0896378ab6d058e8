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
        int rows = (int) nextLong(), cols = (int) nextLong();
        int width = cols + 1;
        // prefix[i * width + j]: the total of rows 1..i and columns 1..j; row 0 and column 0 are 0.
        long[] prefix = new long[(rows + 1) * width];
        for (int i = 1; i <= rows; i++) {
            long running = 0;
            for (int j = 1; j <= cols; j++) {
                running += nextLong();
                prefix[i * width + j] = prefix[(i - 1) * width + j] + running;
            }
        }
        int q = (int) nextLong();
        StringBuilder out = new StringBuilder(q * 16);
        for (int k = 0; k < q; k++) {
            long r = nextLong(), c = nextLong(), d = nextLong();
            int top = (int) Math.max(0, r - d - 1) * width;
            int bottom = (int) Math.min(rows, r + d) * width;
            int left = (int) Math.max(0, c - d - 1);
            int right = (int) Math.min(cols, c + d);
            long total = prefix[bottom + right] - prefix[top + right] - prefix[bottom + left]
                    + prefix[top + left];
            out.append(total).append('\n');
        }
        PrintWriter writer = new PrintWriter(System.out);
        writer.print(out);
        writer.flush();
    }
}
