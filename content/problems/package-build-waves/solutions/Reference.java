import java.io.DataInputStream;
import java.io.IOException;

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

    private static int nextInt() throws IOException {
        int c = read();
        while (c < '0' || c > '9') c = read();
        int value = 0;
        while (c >= '0' && c <= '9') {
            value = value * 10 + (c - '0');
            c = read();
        }
        return value;
    }

    public static void main(String[] args) throws IOException {
        int n = nextInt(), m = nextInt();
        int[] from = new int[m], to = new int[m];
        int[] start = new int[n + 2], waiting = new int[n + 1];
        for (int i = 0; i < m; i++) {
            to[i] = nextInt(); // "a b": a needs b, so the arrow is b -> a
            from[i] = nextInt();
            start[from[i] + 1]++;
            waiting[to[i]]++;
        }
        for (int v = 1; v <= n; v++) start[v + 1] += start[v];
        int[] fill = start.clone(), unlocks = new int[m];
        for (int i = 0; i < m; i++) unlocks[fill[from[i]]++] = to[i];

        // All waves live in one array: the current wave is order[head .. tail - 1].
        int[] order = new int[n];
        int tail = 0;
        for (int v = 1; v <= n; v++) if (waiting[v] == 0) order[tail++] = v;
        int head = 0, waves = 0;
        while (head < tail) {
            waves++;
            int end = tail;
            for (; head < end; head++) {
                int u = order[head];
                for (int e = start[u]; e < start[u + 1]; e++) {
                    if (--waiting[unlocks[e]] == 0) order[tail++] = unlocks[e];
                }
            }
        }
        System.out.println(tail == n ? waves : -1);
    }
}
