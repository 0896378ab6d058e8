// expect: CE
// Each level doubles a parameter pack: 2^40 types.  The compiler runs into its CPU or memory
// limit (or gives up), the compile step is stopped cleanly and reported as CE.
#include <cstddef>
template <class... T> struct Pack { static constexpr std::size_t size = sizeof...(T); };
template <int N, class... T> struct Grow { using type = typename Grow<N - 1, T..., T...>::type; };
template <class... T> struct Grow<0, T...> { using type = Pack<T...>; };
int main() { return static_cast<int>(Grow<40, int>::type::size); }
