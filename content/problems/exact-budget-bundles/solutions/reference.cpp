class Solution {
    vector<int> sorted_;
    vector<int> chosen_;
    vector<vector<int>> found_;

    void search(int start, int left) {
        if (left == 0) {
            found_.push_back(chosen_);
            return;
        }
        for (int i = start; i < (int)sorted_.size(); ++i) {
            if (sorted_[i] > left) break;
            if (i > start && sorted_[i] == sorted_[i - 1]) continue;
            chosen_.push_back(sorted_[i]);
            search(i + 1, left - sorted_[i]);
            chosen_.pop_back();
        }
    }

public:
    vector<vector<int>> exactBundles(vector<int> prices, int budget) {
        sorted_ = prices;
        sort(sorted_.begin(), sorted_.end());
        chosen_.clear();
        found_.clear();
        search(0, budget);
        return found_;
    }
};
