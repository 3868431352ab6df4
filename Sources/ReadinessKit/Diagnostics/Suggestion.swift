/// "Did you mean …?" suggestions for misspelt names.
public enum Suggestion {
    /// The candidate closest to `name`, if it is close enough to be a likely typo.
    ///
    ///     Suggestion.closest(to: "hash_verifed", in: ["hash_verified", "sha256"])
    ///     // "hash_verified"
    public static func closest<S: Sequence<String>>(to name: String, in candidates: S) -> String? {
        let allowed = max(1, min(3, name.unicodeScalars.count / 3))
        // The edit distance is at least the difference in length, so a name much longer than every
        // candidate (a 50 MB value in an enum field) is dismissed without comparing it.
        let length = name.unicodeScalars.count
        var best: (name: String, distance: Int)?
        var lowered: String?
        for candidate in candidates where abs(candidate.unicodeScalars.count - length) <= allowed {
            if lowered == nil { lowered = name.lowercased() }
            let distance = editDistance(lowered ?? name, candidate.lowercased())
            if distance < (best?.distance ?? Int.max) { best = (candidate, distance) }
        }
        guard let best else { return nil }
        return best.distance <= allowed ? best.name : nil
    }

    /// The hint text for a misspelt name, or `nil` when nothing is close.
    public static func didYouMean<S: Sequence<String>>(_ name: String, in candidates: S) -> String? {
        closest(to: name, in: candidates).map { "did you mean '\($0)'?" }
    }

    /// Levenshtein distance counting Unicode scalars.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a.unicodeScalars), b = Array(b.unicodeScalars)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
