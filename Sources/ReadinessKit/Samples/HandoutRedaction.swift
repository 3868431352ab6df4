/// `--redact` for workshop material: the project's `Redactor`, applied to every piece of text a
/// handout or trainer key prints, so the pseudonyms ("Suspect 1", "Suspect 1 account 1") are the
/// same as in the memo. Victims' names and dates of birth are never shown in a handout, redacted
/// or not.
struct HandoutRedaction {
    private let redactor: Redactor?

    /// No redaction.
    static let none = HandoutRedaction(redactor: nil)

    private init(redactor: Redactor?) {
        self.redactor = redactor
    }

    /// Redaction of `bundle`'s identifying details.
    init(bundle: CaseBundle) {
        redactor = Redactor(bundle: bundle)
    }

    /// `text` with every identifying value replaced by its pseudonym.
    func callAsFunction(_ text: String) -> String {
        redactor?.redact(text) ?? text
    }
}
