// Time limits and waits in tests are set for the plain build. Under AddressSanitizer (the
// `asan` preset, -O1) the same code runs several times slower, so limits that guard against
// super-linear blow-ups, and waits for work to make progress, scale by this factor there.
#pragma once

namespace nsearch::test {

#if defined(__SANITIZE_ADDRESS__)
inline constexpr int kSanitizerSlowdown = 5;
#else
inline constexpr int kSanitizerSlowdown = 1;
#endif

}  // namespace nsearch::test
