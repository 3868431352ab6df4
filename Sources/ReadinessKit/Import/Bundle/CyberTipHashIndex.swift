import Yams

/// CyberTip file ids by hash, for linking evidence items to the CyberTip files they match.
///
/// Matching rule: when both sides have a SHA-256, they match only if the SHA-256s are equal;
/// otherwise equal MD5s match. When several files share a hash, the first (in bundle or import
/// order) is used. Hashes compare in lowercase.
struct CyberTipHashIndex {
    private var bySHA256: [String: [String]] = [:]
    private var byMD5: [String: [String]] = [:]
    /// SHA-256 of each file id, so an MD5 match can be refused when both SHA-256s differ.
    private var sha256OfFile: [String: String] = [:]

    init() {}

    /// The CyberTip files of a bundle's `cybertips` section node.
    init(cyberTips node: Yams.Node?) {
        guard let node, case .sequence(let tips) = node else { return }
        for tip in tips {
            guard case .sequence(let files)? = tip.mapping?["files"] else { continue }
            for file in files {
                guard let mapping = file.mapping, let id = mapping["id"]?.string else { continue }
                add(id: id, sha256: mapping["sha256"]?.string, md5: mapping["md5"]?.string)
            }
        }
    }

    /// Adds a file; files added earlier win when several share a hash.
    mutating func add(id: String, sha256: String?, md5: String?) {
        if let sha256 = sha256?.lowercased(), !sha256.isEmpty {
            bySHA256[sha256, default: []].append(id)
            sha256OfFile[id] = sha256
        }
        if let md5 = md5?.lowercased(), !md5.isEmpty { byMD5[md5, default: []].append(id) }
    }

    /// Whether the index holds no hashes.
    var isEmpty: Bool { bySHA256.isEmpty && byMD5.isEmpty }

    /// The file an item with these hashes matches, if any (the first of several).
    func match(sha256: String?, md5: String?) -> String? {
        matches(sha256: sha256, md5: md5).first
    }

    /// Every file an item with these hashes matches, first-added first.
    func matches(sha256: String?, md5: String?) -> [String] {
        let sha256 = sha256?.lowercased().nonEmpty, md5 = md5?.lowercased().nonEmpty
        var result: [String] = []
        if let sha256 { result = bySHA256[sha256] ?? [] }
        if let md5 {
            for id in byMD5[md5] ?? [] where !result.contains(id) {
                if let sha256, let fileSHA256 = sha256OfFile[id], fileSHA256 != sha256 { continue }
                result.append(id)
            }
        }
        return result
    }
}

extension String {
    /// `nil` for an empty string.
    var nonEmpty: String? { isEmpty ? nil : self }
}
