extension CyberTipXMLMapper {
    /// Maps one `<fileDetails>` to a `CyberTipFile` with id `<report id>-<fileId>`.
    ///
    /// File ids are prefixed with the report number because NCMEC numbers files per report, while
    /// bundle file ids must be unique across the bundle.
    mutating func fileDetails(_ element: Element, reportID: String, notes: inout ReportNotes) -> ImportedRecord? {
        var file = ImportedRecord(type: fileType, location: element.location)
        var singletons = Singletons(parent: element.name)
        guard let fileID = element.children.first(where: { $0.name == "fileId" }).flatMap({ nonEmptyLeaf($0) }) else {
            error("import.missing-id", "'<fileDetails>' in report \(reportID) has no <fileId>", at: element.location,
                  hint: "add the CyberTipline file id, e.g. <fileId>1</fileId>")
            return nil
        }
        let id = "\(reportID)-\(fileID)"
        file["id"] = .scalar(id)
        let prefix = "fileDetails[\(fileID)]"
        var annotations: [String] = []
        var hashes: [String: (value: String, location: SourceLocation)] = [:]
        for attribute in element.attributes {
            unknown(attribute: attribute, on: element, path: "\(prefix)/@\(attribute.name)", notes: &notes)
        }
        for child in element.children {
            let path = "\(prefix)/\(child.name)"
            switch child.name {
            case "fileId":
                singletons.check(child, &diagnostics)
            case "reportId":
                singletons.check(child, &diagnostics)
                if let given = leaf(child), given != reportID {
                    error("import.conflict", "<reportId> '\(given)' does not match the enclosing report \(reportID)",
                          at: child.location, hint: "put each <fileDetails> inside the <report> it belongs to")
                }
            case "fileName", "originalFileName":
                singletons.check(child, &diagnostics)
                if let text = leaf(child), !text.isEmpty {
                    file[child.name == "fileName" ? "file_name" : "original_file_name"] = .scalar(text)
                }
            case "uploadedToEspTimestamp":
                singletons.check(child, &diagnostics)
                if let text = nonEmptyLeaf(child), let time = timestamp(text, what: "'<\(child.name)>'", at: child.location) {
                    file["uploaded_at"] = .scalar(time)
                }
            case "fileViewedByEsp", "exifViewedByEsp", "publiclyAvailable":
                singletons.check(child, &diagnostics)
                if let flag = boolean(child) { file[Self.boolFields[child.name] ?? child.name] = .scalar(flag) }
            case "fileRelevance":
                singletons.check(child, &diagnostics)
                if let text = nonEmptyLeaf(child) {
                    if let word = NCMECVocabulary.fileRelevance[text.lowercased()] {
                        file["relevance"] = .scalar(word)
                    } else {
                        error("import.unknown-value", "'\(text)' is not a file relevance", at: child.location,
                              hint: "use 'Reported' or 'Supplemental Reported'")
                    }
                }
            case "industryClassification":
                singletons.check(child, &diagnostics)
                if let text = nonEmptyLeaf(child) {
                    if BundleEnums.industryClassification.cases.contains(text.uppercased()) {
                        file["industry_classification"] = .scalar(text.uppercased())
                    } else {
                        error("import.unknown-value", "'\(text)' is not an industry classification", at: child.location,
                              hint: "use A1, A2, B1 or B2")
                    }
                }
            case "fileAnnotations":
                singletons.check(child, &diagnostics)
                for word in tags(child, vocabulary: NCMECVocabulary.fileAnnotations, path: path, notes: &notes)
                where !annotations.contains(word) {
                    annotations.append(word)
                }
            case "originalFileHash":
                hash(child, path: path, hashes: &hashes, notes: &notes)
            case _ where NCMECVocabulary.fileChildrenKeptAsNotes.contains(child.name):
                notes.keep(child, path: path)
            default:
                unknown(child, path: path, notes: &notes, reportID: reportID)
            }
        }
        if !annotations.isEmpty { file["annotations"] = .list(annotations) }
        for (field, hash) in hashes { file[field] = .scalar(hash.value) }
        return file
    }

    private static let boolFields = [
        "fileViewedByEsp": "file_viewed_by_esp", "exifViewedByEsp": "exif_viewed_by_esp",
        "publiclyAvailable": "publicly_available",
    ]

    /// Reads an `<originalFileHash hashType="…">`: MD5 and SHA-256 fill fields, other kinds go to notes.
    private mutating func hash(
        _ element: Element, path: String, hashes: inout [String: (value: String, location: SourceLocation)],
        notes: inout ReportNotes
    ) {
        guard let value = nonEmptyLeaf(element) else { return }
        let kind = (element.attribute("hashType") ?? "").lowercased().filter { $0 != "-" && $0 != "_" && $0 != " " }
        let field: String, length: Int
        switch kind {
        case "md5": (field, length) = ("md5", 32)
        case "sha256": (field, length) = ("sha256", 64)
        case "":
            warning("import.unknown-value", "'<originalFileHash>' has no hashType; the hash was kept in the notes only",
                    at: element.location, hint: "add hashType=\"MD5\" or hashType=\"SHA256\"")
            notes.keep(path: path, value: value)
            return
        default:
            notes.keep(path: "\(path)[\(element.attribute("hashType") ?? kind)]", value: value)
            return
        }
        let hex = value.lowercased()
        guard hex.count == length, hex.allSatisfy(\.isHexDigit) else {
            error("import.invalid-hash", "'\(value.prefix(80))' is not a \(kind.uppercased()) hash (\(length) hex digits)",
                  at: element.location, hint: "check the hashType attribute matches the value")
            return
        }
        if let earlier = hashes[field], earlier.value != hex {
            error("import.conflict", "two different \(kind.uppercased()) hashes for one file (the first at \(earlier.location.line):\(earlier.location.column))",
                  at: element.location, hint: "a file has one hash of each kind; check the export")
            return
        }
        hashes[field] = (hex, element.location)
    }
}
