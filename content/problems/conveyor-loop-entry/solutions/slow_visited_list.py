# Correct but O(n^2): remembers the route in a list, and `in` on a list is a linear scan.
# About 5 * 10^9 comparisons on a route of 100,000 stations.
class Solution:
    def loop_entry(self, next_station: list[int], start: int) -> int:
        route: list[int] = []
        station = start
        while station != -1:
            if station in route:
                return station
            route.append(station)
            station = next_station[station]
        return -1
