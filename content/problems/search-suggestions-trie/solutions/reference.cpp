#include <bits/stdc++.h>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int n;
    cin >> n;
    vector<string> names(n);
    for (auto& name : names) cin >> name;
    sort(names.begin(), names.end());
    int q;
    cin >> q;
    string out, query;
    out.reserve(1 << 22);
    for (int k = 0; k < q; ++k) {
        cin >> query;
        auto it = lower_bound(names.begin(), names.end(), query);
        int printed = 0;
        for (; it != names.end() && printed < 3; ++it) {
            if (it->compare(0, query.size(), query) != 0) break;
            if (printed++) out += ' ';
            out += *it;
        }
        if (!printed) out += '-';
        out += '\n';
    }
    fwrite(out.data(), 1, out.size(), stdout);
    return 0;
}
