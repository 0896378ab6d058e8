import java.util.PriorityQueue;

class Solution {
    public int[][] kClosest(int[][] points, int k) {
        // Max-heap of indices by squared distance: the farthest kept point is on top.
        PriorityQueue<Integer> heap = new PriorityQueue<>(k + 1,
            (a, b) -> Integer.compare(dist(points[b]), dist(points[a])));
        for (int i = 0; i < points.length; i++) {
            if (heap.size() < k) {
                heap.add(i);
            } else if (dist(points[i]) < dist(points[heap.peek()])) {
                heap.poll();
                heap.add(i);
            }
        }
        int[][] result = new int[heap.size()][];
        int j = 0;
        for (int i : heap) result[j++] = points[i];
        return result;
    }

    private static int dist(int[] p) {
        return p[0] * p[0] + p[1] * p[1];
    }
}
