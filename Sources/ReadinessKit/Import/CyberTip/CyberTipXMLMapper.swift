import Foundation

/// Maps parsed CyberTipline XML (`<cybertipReports>` or a single `<report>`) to `CyberTip` records.
///
/// The full element-by-element mapping is documented in `docs/import.md`. In short: mapped elements
/// fill bundle fields; documented elements without a field, and unknown elements, go to the
/// report's `notes` (unknown ones with a warning); `victim` and `intendedRecipient` are never
/// copied. Elements the report omits stay absent. Bad values are errors with line and column.
struct CyberTipXMLMapper {
    typealias Element = SafeXML.Element

    let tipType: RecordType
    let fileType: RecordType
    /// Problems found so far (errors and warnings), in the order found.
    var diagnostics: [Diagnostic] = []

    init(schema: BundleSchema) {
        guard let tipType = schema.type(named: "CyberTip"), let fileType = schema.type(named: "CyberTipFile") else {
            preconditionFailure("the bundle schema defines CyberTip and CyberTipFile")
        }
        self.tipType = tipType
        self.fileType = fileType
    }

    /// The reports in a parsed document, in document order.
    mutating func reports(in root: Element) -> [ImportedRecord] {
        switch root.name {
        case NCMECVocabulary.report:
            return report(root).map { [$0] } ?? []
        case NCMECVocabulary.container:
            for attribute in root.attributes {
                warning("import.unknown-element", "unknown attribute '\(attribute.name)' on '<\(root.name)>' was ignored",
                        at: root.location)
            }
            var reports: [ImportedRecord] = []
            for child in root.children {
                guard child.name == NCMECVocabulary.report else {
                    warning("import.unknown-element", "unknown element '<\(child.name)>' in '<\(root.name)>' was ignored",
                            at: child.location, hint: "a <cybertipReports> file holds <report> elements only")
                    continue
                }
                if let tip = report(child) { reports.append(tip) }
            }
            if root.children.isEmpty {
                warning("import.empty", "'<\(root.name)>' holds no reports", at: root.location)
            }
            return reports
        default:
            error("import.xml-root", "the root element is '<\(root.name)>'; expected '<cybertipReports>' or '<report>'",
                  at: root.location, hint: "see docs/import.md for the accepted file shape")
            return []
        }
    }

    private mutating func report(_ element: Element) -> ImportedRecord? {
        var tip = ImportedRecord(type: tipType, location: element.location)
        var notes = ReportNotes()
        var singletons = Singletons(parent: element.name)
        guard let id = reportID(element) else { return nil }
        tip["id"] = .scalar(id)
        for attribute in element.attributes {
            switch attribute.name {
            case "id": break
            case "provider":
                if !attribute.value.isEmpty { tip["provider"] = .scalar(attribute.value) }
            case "submittedAt":
                if let text = timestamp(attribute.value, what: "'submittedAt'", at: element.location) {
                    tip["submitted_at"] = .scalar(text)
                }
            default:
                unknown(attribute: attribute, on: element, path: "@\(attribute.name)", notes: &notes)
            }
        }
        var files: [ImportedRecord] = []
        for child in element.children {
            switch child.name {
            case "reportId":
                singletons.check(child, &diagnostics)
            case "incidentSummary":
                singletons.check(child, &diagnostics)
                incidentSummary(child, into: &tip, notes: &notes)
            case "personOrUserReported":
                singletons.check(child, &diagnostics)
                reportedPerson(child, into: &tip, notes: &notes)
            case "fileDetails":
                guard let file = fileDetails(child, reportID: id, notes: &notes) else { continue }
                if let earlier = files.first(where: { $0.id == file.id }) {
                    error("import.duplicate-id",
                          "report \(id) lists file '\(file.id ?? "")' twice (first at \(earlier.location.line):\(earlier.location.column))",
                          at: child.location, hint: "give each <fileDetails> its own <fileId>")
                } else {
                    files.append(file)
                }
            case _ where NCMECVocabulary.reportChildrenKeptAsNotes.contains(child.name):
                notes.keep(child, path: child.name)
            case _ where NCMECVocabulary.reportChildrenNeverImported.contains(child.name):
                warning("import.not-imported",
                        "'<\(child.name)>' in report \(id) was not imported: bundles hold victims by pseudonymous id only",
                        at: child.location, hint: "record the person in victims.yaml under a pseudonymous id if needed")
            default:
                unknown(child, path: child.name, notes: &notes, reportID: id)
            }
        }
        if !files.isEmpty { tip["files"] = .records(files) }
        if let text = notes.text { tip["notes"] = .scalar(text) }
        return tip
    }

    /// The report number from `<report id="…">` or a `<reportId>` child; both must agree.
    private mutating func reportID(_ element: Element) -> String? {
        let attribute = element.attribute("id")?.trimmingCharacters(in: .whitespacesAndNewlines)
        let child = element.children.first { $0.name == "reportId" }
        let childText = child.flatMap { leaf($0) }
        if let attribute, let childText, attribute != childText {
            error("import.conflict", "report id '\(attribute)' and <reportId> '\(childText)' disagree",
                  at: child?.location ?? element.location, hint: "give the report number once")
            return nil
        }
        guard let id = attribute ?? childText, !id.isEmpty, !id.contains(where: \.isNewline) else {
            error("import.missing-id", "'<report>' has no report number",
                  at: element.location, hint: "add id=\"…\" to <report> or a <reportId> child")
            return nil
        }
        return id
    }

    private mutating func incidentSummary(_ element: Element, into tip: inout ImportedRecord, notes: inout ReportNotes) {
        var singletons = Singletons(parent: element.name)
        for child in element.children {
            let path = "incidentSummary/\(child.name)"
            switch child.name {
            case "incidentType":
                singletons.check(child, &diagnostics)
                guard let text = nonEmptyLeaf(child) else { continue }
                let normalized = NCMECVocabulary.normalizedIncidentType(text)
                if let word = NCMECVocabulary.incidentTypes[normalized]
                    ?? BundleEnums.incidentType.cases.first(where: { $0 == text })
                {
                    tip["incident_type"] = .scalar(word)
                } else {
                    error("import.unknown-value", "'\(text)' is not a CyberTipline incident type",
                          at: child.location, hint: "use the NCMEC wording, e.g. 'Child Pornography (possession, manufacture, and distribution)'")
                }
            case "incidentDateTime":
                singletons.check(child, &diagnostics)
                if let text = nonEmptyLeaf(child), let time = timestamp(text, what: "'<incidentDateTime>'", at: child.location) {
                    tip["incident_at"] = .scalar(time)
                }
            case "reportAnnotations":
                singletons.check(child, &diagnostics)
                let words = tags(child, vocabulary: NCMECVocabulary.reportAnnotations, path: path, notes: &notes)
                if !words.isEmpty { tip["annotations"] = .list(words) }
            case _ where NCMECVocabulary.incidentChildrenKeptAsNotes.contains(child.name):
                notes.keep(child, path: path)
            default:
                unknown(child, path: path, notes: &notes, reportID: tip.id ?? "")
            }
        }
    }

    private mutating func reportedPerson(_ element: Element, into tip: inout ImportedRecord, notes: inout ReportNotes) {
        var keptIdentifying = false
        for child in element.children {
            let path = "personOrUserReported/\(child.name)"
            switch child.name {
            case "screenName" where tip["reported_account"] == nil && !child.text.isEmpty && child.children.isEmpty:
                tip["reported_account"] = .scalar(child.text)
            case "espIdentifier" where tip["reported_account"] == nil && !child.text.isEmpty && child.children.isEmpty
                && !element.children.contains(where: { $0.name == "screenName" }):
                tip["reported_account"] = .scalar(child.text)
            case "personOrUserReportedPerson":
                for part in child.children {
                    if part.name == "email", tip["reported_email"] == nil, !part.text.isEmpty, part.children.isEmpty {
                        tip["reported_email"] = .scalar(part.text)
                    } else {
                        notes.keep(part, path: "\(path)/\(part.name)")
                        keptIdentifying = true
                    }
                }
            case _ where NCMECVocabulary.reportedPersonChildren.contains(child.name):
                notes.keep(child, path: path)
                keptIdentifying = true
            default:
                unknown(child, path: path, notes: &notes, reportID: tip.id ?? "")
            }
        }
        if keptIdentifying {
            warning("import.identifying-notes",
                    "details of the reported person in report \(tip.id ?? "") were kept in its notes, which redaction does not replace",
                    at: element.location, hint: "review the notes before sharing a redacted memo")
        }
    }
}
