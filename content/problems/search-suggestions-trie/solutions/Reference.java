import java.io.DataInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Arrays;

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

    private static String token() throws IOException {
        int c = read();
        while (c == ' ' || c == '\n' || c == '\r') c = read();
        StringBuilder sb = new StringBuilder();
        while (c > ' ') {
            sb.append((char) c);
            c = read();
        }
        return sb.toString();
    }

    public static void main(String[] args) throws IOException {
        int n = Integer.parseInt(token());
        String[] names = new String[n];
        for (int i = 0; i < n; i++) names[i] = token();
        Arrays.sort(names);
        int q = Integer.parseInt(token());
        StringBuilder out = new StringBuilder();
        for (int k = 0; k < q; k++) {
            String query = token();
            int lo = 0, hi = n;  // first name >= query
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (names[mid].compareTo(query) < 0) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            int printed = 0;
            for (int i = lo; i < n && printed < 3 && names[i].startsWith(query); i++) {
                if (printed++ > 0) out.append(' ');
                out.append(names[i]);
            }
            if (printed == 0) out.append('-');
            out.append('\n');
        }
        PrintWriter pw = new PrintWriter(System.out);
        pw.print(out);
        pw.flush();
    }
}
