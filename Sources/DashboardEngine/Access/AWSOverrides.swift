/// What the command line says about AWS access, over the config's own settings; nil keeps the config's.
package struct AWSOverrides: Sendable, Equatable {
    package var profile: String?
    package var region: String?
    package var endpointURL: String?

    package init(profile: String? = nil, region: String? = nil, endpointURL: String? = nil) {
        self.profile = profile
        self.region = region
        self.endpointURL = endpointURL
    }
}
