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

    private static int[] parent;

    private static int find(int x) {
        while (parent[x] != x) {
            parent[x] = parent[parent[x]]; // path halving
            x = parent[x];
        }
        return x;
    }

    public static void main(String[] args) throws IOException {
        int n = nextInt(), m = nextInt();
        int[] u = new int[m], v = new int[m];
        // Sort keys: cost in the high bits, link index in the low 18 bits (m <= 200000 < 2^18).
        long[] keys = new long[m];
        for (int i = 0; i < m; i++) {
            u[i] = nextInt();
            v[i] = nextInt();
            keys[i] = ((long) nextInt() << 18) | i;
        }
        Arrays.sort(keys);
        parent = new int[n + 1];
        int[] size = new int[n + 1];
        for (int i = 0; i <= n; i++) {
            parent[i] = i;
            size[i] = 1;
        }
        long total = 0;
        int links = 0;
        for (int k = 0; k < m && links < n - 1; k++) {
            int i = (int) (keys[k] & ((1 << 18) - 1));
            int a = find(u[i]), b = find(v[i]);
            if (a == b) continue;
            if (size[a] < size[b]) {
                int t = a;
                a = b;
                b = t;
            }
            parent[b] = a;
            size[a] += size[b];
            total += keys[k] >>> 18;
            links++;
        }
        System.out.println(links == n - 1 ? total : -1);
    }
}
