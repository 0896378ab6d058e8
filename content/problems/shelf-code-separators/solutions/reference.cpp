class Solution {
    string digits_;
    int parts_ = 0, widest_ = 1;
    long long max_value_ = 0;
    vector<string> chosen_;
    vector<string> found_;

    void search(int start) {
        int n = digits_.size();
        int left_parts = parts_ - (int)chosen_.size();
        int left_digits = n - start;
        if (left_parts == 0) {
            if (left_digits == 0) {
                string code = chosen_[0];
                for (size_t i = 1; i < chosen_.size(); ++i) code += "-" + chosen_[i];
                found_.push_back(code);
            }
            return;
        }
        if (left_digits < left_parts || left_digits > (long long)left_parts * widest_) return;
        long long value = 0;
        for (int end = start + 1; end <= min(n, start + widest_); ++end) {
            if (end - start > 1 && digits_[start] == '0') break;
            value = value * 10 + (digits_[end - 1] - '0');  // at most 10 digits: fits
            if (value > max_value_) break;
            chosen_.push_back(digits_.substr(start, end - start));
            search(end);
            chosen_.pop_back();
        }
    }

public:
    vector<string> restoreCodes(string digits, int parts, int max_value) {
        digits_ = digits;
        parts_ = parts;
        max_value_ = max_value;
        widest_ = to_string(max_value).size();
        chosen_.clear();
        found_.clear();
        search(0);
        return found_;
    }
};
