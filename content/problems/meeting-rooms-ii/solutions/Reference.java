import java.io.DataInputStream;
import java.io.IOException;
import java.util.Arrays;

public class Main {
    private static final DataInputStream IN = new DataInputStream(System.in);
    private static final byte[] BUF = new byte[1 << 16];
    private static int len = 0, pos = 0;

    private static int read() throws IOException {
        if (pos == len) {
            len = IN.read(BUF, 0, BUF.length);
            pos = 0;
            if (len <= 0) return -1;
        }
        return BUF[pos++];
    }

    private static int nextInt() throws IOException {
        int c = read();
        while (c != '-' && (c < '0' || c > '9')) c = read();
        boolean negative = c == '-';
        if (negative) c = read();
        int value = 0;
        while (c >= '0' && c <= '9') {
            value = value * 10 + (c - '0');
            c = read();
        }
        return negative ? -value : value;
    }

    public static void main(String[] args) throws IOException {
        int n = nextInt();
        int[] starts = new int[n], ends = new int[n];
        for (int i = 0; i < n; i++) {
            starts[i] = nextInt();
            ends[i] = nextInt();
        }
        Arrays.sort(starts);
        Arrays.sort(ends);
        int rooms = 0, j = 0;
        for (int s : starts) {
            if (s >= ends[j]) j++;  // [start, end) is half-open: the room is free again
            else rooms++;
        }
        System.out.println(rooms);
    }
}
