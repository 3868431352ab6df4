import ReadinessKit
print(ReadinessKit.version)
