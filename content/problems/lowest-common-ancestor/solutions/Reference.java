import java.io.DataInputStream;
import java.io.IOException;
import java.io.PrintWriter;

// Binary lifting; depths and ancestors filled in BFS order (no recursion).
public class Main {
    private static final DataInputStream IN = new DataInputStream(System.in);
    private static final byte[] BUF = new byte[1 << 16];
    private static int len = 0, ptr = 0;

    private static int read() throws IOException {
        if (ptr == len) {
            len = IN.read(BUF, 0, BUF.length);
            ptr = 0;
            if (len <= 0) return -1;
        }
        return BUF[ptr++];
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
        int n = nextInt();
        final int log = 17;  // 2^17 > 10^5
        int[] parent = new int[n + 1];
        int[] head = new int[n + 1];
        int[] next = new int[n + 1];
        int root = 0;
        for (int v = 1; v <= n; v++) {
            parent[v] = nextInt();
            if (parent[v] == 0) {
                root = v;
            } else {
                next[v] = head[parent[v]];
                head[parent[v]] = v;
            }
        }
        int[] depth = new int[n + 1];
        int[] order = new int[n];
        int size = 0;
        order[size++] = root;
        for (int i = 0; i < size; i++) {
            int v = order[i];
            for (int c = head[v]; c != 0; c = next[c]) {
                depth[c] = depth[v] + 1;
                order[size++] = c;
            }
        }
        int[][] up = new int[log][n + 1];
        for (int i = 0; i < n; i++) {
            int v = order[i];
            up[0][v] = parent[v] != 0 ? parent[v] : v;
            for (int k = 1; k < log; k++) up[k][v] = up[k - 1][up[k - 1][v]];
        }
        int q = nextInt();
        StringBuilder out = new StringBuilder();
        while (q-- > 0) {
            int a = nextInt();
            int b = nextInt();
            if (depth[a] < depth[b]) {
                int t = a;
                a = b;
                b = t;
            }
            int diff = depth[a] - depth[b];
            for (int k = 0; diff != 0; k++, diff >>= 1) {
                if ((diff & 1) != 0) a = up[k][a];
            }
            if (a != b) {
                for (int k = log - 1; k >= 0; k--) {
                    if (up[k][a] != up[k][b]) {
                        a = up[k][a];
                        b = up[k][b];
                    }
                }
                a = up[0][a];
            }
            out.append(a).append('\n');
        }
        PrintWriter pw = new PrintWriter(System.out);
        pw.print(out);
        pw.flush();
    }
}
