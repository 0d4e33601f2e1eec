/// Splits a command line into words the way Python's `shlex.split` does in POSIX mode, which is how botocore turns
/// `credential_process` into an argument list: no shell runs, so `$HOME`, `;`, `|` and backticks are plain characters.
///
/// Rules: spaces, tabs and newlines separate words; `'…'` keeps everything literally; `"…"` keeps everything but
/// lets a backslash escape `"` or `\`; outside quotes a backslash makes the next character literal; quoted and
/// unquoted parts run together into one word, and `""` is an empty word.
enum ShellWords {
    /// Why a command line could not be split; both are what `shlex` refuses too.
    enum Failure: Error, Equatable {
        case unclosedQuote
        case trailingBackslash
    }

    static func split(_ text: String) throws(Failure) -> [String] {
        var words: [String] = []
        var word = ""
        // A word has begun even when it is still empty, as after `""`.
        var inWord = false
        var quote: Character?
        var escaped = false
        for character in text {
            if escaped {
                // Inside double quotes a backslash only escapes `"` and `\`; before anything else it stays.
                if quote == "\"" && character != "\"" && character != "\\" { word.append("\\") }
                word.append(character)
                escaped = false
                continue
            }
            switch (quote, character) {
            case ("'", "'"), ("\"", "\""):
                quote = nil
            case ("'", _):
                word.append(character)
            case ("\"", "\\"), (nil, "\\"):
                escaped = true
                inWord = true
            case ("\"", _):
                word.append(character)
            case (nil, "'"), (nil, "\""):
                quote = character
                inWord = true
            case (nil, " "), (nil, "\t"), (nil, "\n"), (nil, "\r"), (nil, "\r\n"):
                if inWord { words.append(word) }
                word = ""
                inWord = false
            default:
                word.append(character)
                inWord = true
            }
        }
        if escaped { throw .trailingBackslash }
        if quote != nil { throw .unclosedQuote }
        if inWord { words.append(word) }
        return words
    }
}
