import java.io.DataInputStream;
import java.io.IOException;
import java.util.Arrays;
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
        int n = nextInt(), m = nextInt(), source = nextInt();
        // Links in compressed form: the links leaving u are target/weight[start[u] .. start[u+1]).
        int[] from = new int[m], to = new int[m], weight = new int[m];
        int[] start = new int[n + 2];
        for (int i = 0; i < m; i++) {
            from[i] = nextInt();
            to[i] = nextInt();
            weight[i] = nextInt();
            start[from[i] + 1]++;
        }
        for (int i = 0; i <= n; i++) start[i + 1] += start[i];
        int[] fill = start.clone(), target = new int[m], cost = new int[m];
        for (int i = 0; i < m; i++) {
            int slot = fill[from[i]]++;
            target[slot] = to[i];
            cost[slot] = weight[i];
        }
        long[] dist = new long[n + 1];
        Arrays.fill(dist, Long.MAX_VALUE);
        dist[source] = 0;
        PriorityQueue<long[]> heap = new PriorityQueue<>((a, b) -> Long.compare(a[0], b[0]));
        heap.add(new long[] {0, source});
        while (!heap.isEmpty()) {
            long[] top = heap.poll();
            long d = top[0];
            int u = (int) top[1];
            if (d > dist[u]) continue;  // stale entry
            for (int e = start[u]; e < start[u + 1]; e++) {
                long nd = d + cost[e];
                if (nd < dist[target[e]]) {
                    dist[target[e]] = nd;
                    heap.add(new long[] {nd, target[e]});
                }
            }
        }
        long latest = 0;
        for (int i = 1; i <= n; i++) {
            if (dist[i] == Long.MAX_VALUE) {
                System.out.println(-1);
                return;
            }
            latest = Math.max(latest, dist[i]);
        }
        System.out.println(latest);
    }
}
