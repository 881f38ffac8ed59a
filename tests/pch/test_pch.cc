// The one object that precompiles gtest and gmock (tests/pch/CMakeLists.txt).
// Every test binary reuses its precompiled header, so the headers are parsed
// once per build rather than once per test binary.
