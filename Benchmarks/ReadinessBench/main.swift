import ReadinessKit
print("benchmarks: see docs/performance.md")
