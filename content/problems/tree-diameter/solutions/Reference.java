import java.io.DataInputStream;
import java.io.IOException;
import java.util.Arrays;

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

    private static int n;
    private static int[] start, target, weight;
    private static long[] dist;

    /** The station farthest from source; dist holds the distances afterwards. */
    private static int farthest(int source) {
        Arrays.fill(dist, -1);
        int[] stack = new int[n];
        int top = 0, best = source;
        dist[source] = 0;
        stack[top++] = source;
        while (top > 0) {
            int u = stack[--top];
            if (dist[u] > dist[best]) best = u;
            for (int e = start[u]; e < start[u + 1]; e++) {
                int v = target[e];
                if (dist[v] < 0) {
                    dist[v] = dist[u] + weight[e];
                    stack[top++] = v;
                }
            }
        }
        return best;
    }

    public static void main(String[] args) throws IOException {
        n = nextInt();
        int[] us = new int[n - 1], vs = new int[n - 1], ws = new int[n - 1];
        start = new int[n + 2];
        for (int i = 0; i < n - 1; i++) {
            us[i] = nextInt();
            vs[i] = nextInt();
            ws[i] = nextInt();
            start[us[i] + 1]++;
            start[vs[i] + 1]++;
        }
        for (int i = 0; i <= n; i++) start[i + 1] += start[i];
        int[] fill = start.clone();
        target = new int[2 * (n - 1)];
        weight = new int[2 * (n - 1)];
        for (int i = 0; i < n - 1; i++) {
            target[fill[us[i]]] = vs[i];
            weight[fill[us[i]]++] = ws[i];
            target[fill[vs[i]]] = us[i];
            weight[fill[vs[i]]++] = ws[i];
        }
        dist = new long[n + 1];
        int end = farthest(1);
        int other = farthest(end);
        System.out.println(dist[other]);
    }
}
