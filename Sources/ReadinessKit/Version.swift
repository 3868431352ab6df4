public enum ReadinessKit { public static let version = "0.1.0" }
