import AWSClient
import DashboardEngine
import DashboardModel
import DashboardViews
import Foundation

/// The fuzz targets over the dashboard's readers of what people write: the config file, theme files, and
/// durations (`refresh:`, `:refresh`, `--wait-timeout`).
package enum DashboardFuzzTargets {
    package static let all: [FuzzTarget] = [config, theme, duration]

    static let yamlDictionary = FuzzTarget.tokens(["\n", ": ", ":", "- ", "  ", "    ", "\t", "#", "? ", "{", "}", "[", "]", ",", "\"", "'", "\\",
                                                  "|", ">", "&a ", "*a", "!!str ", "!!binary ", "%YAML 1.1\n", "---\n", "...\n", "<<: ",
                                                  "environments:\n  - name: dev\n    account: \"222222222222\"\n    cluster: c\n",
                                                  "refresh: ", "1e400", "99999999999999999999d", "-5s", "region: ", "keys:\n  ", "roles:\n  ",
                                                  "\u{FEFF}", "\u{200B}", "\u{85}", "\u{2028}", "\u{1}", "\r\n", "\r"],
                                                 bytes: [[0xFF], [0x00], [0xC0, 0x80]])

    static let config = FuzzTarget(
        name: "config", summary: "the ecsdash config: UTF-8 check, Yams, ConfigParser, ConfigReport",
        seeds: {
            FuzzSeeds.files(in: ".", suffix: ".example.yaml") + [
                "region: eu-west-1\nrefresh: 1h30m\nkeys:\n  down: \"n, ctrl-n\"\nenvironments:\n  - {name: dev, account: \"222222222222\", cluster: a, protected: yes}\n",
                "registry:\n  account: \"111111111111\"\n  role_arn: arn:aws:iam::111111111111:role/R\nenvironments:\n  - name: dev\n    account: \"222222222222\"\n    cluster: app-dev\n    services: [a, b]\n",
            ].map { Data($0.utf8) }
        },
        dictionary: yamlDictionary,
        run: { data in
            let text = decoded(data)
            do throws(ConfigError) {
                let config = try ConfigParser(file: "fuzz.yaml").parse(text)
                guard config.refresh.isFinite, config.refresh >= 1, config.refresh <= Duration.maximum else { return "refresh \(config.refresh) was accepted" }
                _ = ConfigReport.render(config)
                return nil
            } catch {
                return check(error, in: text)
            }
        })

    static let theme = FuzzTarget(
        name: "theme", summary: "theme files: UTF-8 check, Yams, ThemeParser",
        seeds: { FuzzSeeds.files(in: "themes", suffix: ".yaml") },
        dictionary: yamlDictionary + FuzzTarget.tokens(["fg: ", "bg: ", "bold: true", "monochrome: true", "accents:\n  ", "default:", "\"#ffaf00\"", "255", "256"]),
        run: { data in
            let text = decoded(data)
            do throws(ConfigError) {
                _ = try ThemeParser(file: "fuzz.yaml").parse(text, name: declaredName(text) ?? "fuzz")
                return nil
            } catch {
                return check(error, in: text)
            }
        })

    static let duration = FuzzTarget(
        name: "duration", summary: "durations: Duration.parse and format, --wait-timeout",
        seeds: { ["10s", "2m", "1h30m", "500ms", "15", "1.5d", "365d", "1e400", "99999999999999999999d", "-5s", "0.0001ms"].map { Data($0.utf8) } },
        dictionary: FuzzTarget.tokens(["ms", "s", "m", "h", "d", ".", "e", "e+", "-", "+", "9999999999", "0", " ", "inf", "nan", "0x"]),
        run: { data in
            let text = String(decoding: data, as: UTF8.self)
            switch Duration.parse(text) {
            case .success(let seconds):
                guard seconds.isFinite, seconds >= 0, seconds <= Duration.maximum else { return "\(seconds) was accepted" }
            case .failure(let problem):
                guard problem.message(for: text).count < 200 else { return "a long message" }
            }
            // Formatting takes any value at all, whatever its bits.
            var bits: UInt64 = 0
            for byte in data.prefix(8) { bits = bits << 8 | UInt64(byte) }
            _ = Duration.format(Double(bitPattern: bits))
            _ = Age.format(Double(bitPattern: bits))
            // Argument parsing costs more than the rest together, so only some inputs go through it.
            if data.count % 8 == 0, let options = try? ActionOptions.parse(["--wait-timeout", text]) {
                var request = ActionRequest(service: "s", kind: .restart(environment: "e"))
                options.apply(to: &request)
                guard request.waitTimeout.isFinite, request.waitTimeout <= Duration.maximum else { return "--wait-timeout \(request.waitTimeout) was accepted" }
            }
            return nil
        })

    /// A theme's `name:` line, so that a shipped theme's seed parses past it as it does from its own file.
    private static func declaredName(_ text: String) -> String? {
        text.split(whereSeparator: \.isNewline).first { $0.hasPrefix("name:") }.map { $0.dropFirst(5).trimmingCharacters(in: .whitespaces) }
    }

    /// The text as the loaders would see it; an input that is not UTF-8 is read with replacement characters,
    /// so the parser still runs on it.
    private static func decoded(_ data: Data) -> String {
        (try? UserFile.decode([UInt8](data), path: "fuzz.yaml")) ?? String(decoding: data, as: UTF8.self)
    }

    /// An error is one line with nothing invisible in it, not much longer than the messages themselves, and
    /// located inside the document.
    private static func check(_ error: ConfigError, in text: String) -> String? {
        let description = "\(error)"
        guard description.count <= 1_500 else { return "a \(description.count)-character message" }
        guard !description.unicodeScalars.contains(where: VisibleText.isInvisible) else { return "an invisible character in \(description.debugDescription)" }
        if let line = error.line {
            // libyaml puts the end of the stream on a line of its own, past a last line without a break.
            let lines = YAMLPosition.lineCount(text) + 1
            guard line >= 1, line <= lines else { return "line \(line) of \(lines): \(description)" }
            if let column = error.column, column < 1 { return "column \(column): \(description)" }
        }
        return nil
    }
}
