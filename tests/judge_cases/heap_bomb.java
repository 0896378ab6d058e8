// expect: MLE
// limits: time=3 memory=64
public class Main {
    public static void main(String[] args) {
        java.util.List<long[]> all = new java.util.ArrayList<>();
        for (;;) all.add(new long[1 << 20]);
    }
}
