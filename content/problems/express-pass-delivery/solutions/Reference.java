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
        while (c != -1 && (c < '0' || c > '9')) c = read();
        int value = 0;
        while (c >= '0' && c <= '9') {
            value = value * 10 + (c - '0');
            c = read();
        }
        return value;
    }

    // A binary min-heap of (distance, state) in two parallel arrays.
    private static long[] keys = new long[1 << 12];
    private static int[] values = new int[1 << 12];
    private static int size = 0;

    private static void push(long key, int value) {
        if (size == keys.length) {
            keys = Arrays.copyOf(keys, 2 * size);
            values = Arrays.copyOf(values, 2 * size);
        }
        int i = size++;
        while (i > 0) {
            int parent = (i - 1) / 2;
            if (keys[parent] <= key) break;
            keys[i] = keys[parent];
            values[i] = values[parent];
            i = parent;
        }
        keys[i] = key;
        values[i] = value;
    }

    /** Removes the smallest entry; its key and value are left in keys[size], values[size]. */
    private static void pop() {
        long topKey = keys[0];
        int topValue = values[0];
        size--;
        long key = keys[size];
        int value = values[size];
        int i = 0;
        while (true) {
            int child = 2 * i + 1;
            if (child >= size) break;
            if (child + 1 < size && keys[child + 1] < keys[child]) child++;
            if (keys[child] >= key) break;
            keys[i] = keys[child];
            values[i] = values[child];
            i = child;
        }
        keys[i] = key;
        values[i] = value;
        keys[size] = topKey;
        values[size] = topValue;
    }

    public static void main(String[] args) throws IOException {
        int n = nextInt(), m = nextInt(), k = nextInt();
        int[] us = new int[m], vs = new int[m], ts = new int[m], es = new int[m];
        int[] start = new int[n + 2];
        for (int i = 0; i < m; i++) {
            us[i] = nextInt();
            vs[i] = nextInt();
            ts[i] = nextInt();
            es[i] = nextInt();
            start[us[i] + 1]++;
            start[vs[i] + 1]++;
        }
        for (int i = 0; i <= n; i++) start[i + 1] += start[i];
        int[] fill = start.clone();
        int[] to = new int[2 * m], standard = new int[2 * m], express = new int[2 * m];
        for (int i = 0; i < m; i++) {
            int a = fill[us[i]]++, b = fill[vs[i]]++;
            to[a] = vs[i];
            standard[a] = ts[i];
            express[a] = es[i];
            to[b] = us[i];
            standard[b] = ts[i];
            express[b] = es[i];
        }
        // State (hub v, passes used j) is v * layers + j.
        int layers = k + 1;
        long[] dist = new long[(n + 1) * layers];
        Arrays.fill(dist, Long.MAX_VALUE);
        dist[layers] = 0;
        push(0, layers);
        long best = -1;
        while (size > 0) {
            pop();
            long d = keys[size];
            int state = values[size];
            if (d > dist[state]) continue;
            int u = state / layers, j = state % layers;
            if (u == n) {
                best = d; // the first state of hub n popped is the closest one
                break;
            }
            for (int p = start[u]; p < start[u + 1]; p++) {
                int target = to[p] * layers + j;
                long nd = d + standard[p];
                if (nd < dist[target]) {
                    dist[target] = nd;
                    push(nd, target);
                }
                if (j < k) {
                    nd = d + express[p];
                    if (nd < dist[target + 1]) {
                        dist[target + 1] = nd;
                        push(nd, target + 1);
                    }
                }
            }
        }
        System.out.println(best);
    }
}
