import Foundation
import AWSClient

/// An account `ecsdash doctor` checks: the registry or one environment, with the probes it needs.
struct DoctorTarget: Sendable {
    /// A read call the dashboard depends on, and the IAM action it needs.
    struct Probe: Sendable {
        let service: AWSServiceDescriptor
        let operation: String
        let body: String
        let iamAction: String
        let label: String
    }

    let name: String
    let account: AccountConfig
    let probes: [Probe]

    static func registry(_ account: AccountConfig, pipelines: [String]) -> DoctorTarget {
        let repositories = Probe(service: .ecr, operation: "DescribeRepositories", body: #"{"maxResults":1}"#,
                                 iamAction: "ecr:DescribeRepositories", label: "ecr:DescribeRepositories")
        return DoctorTarget(name: "registry", account: account, probes: [repositories] + pipelines.map(pipelineProbe))
    }

    static func environment(_ environment: EnvironmentConfig) -> DoctorTarget {
        let services = Probe(service: .ecs, operation: "ListServices", body: jsonObject(["cluster": environment.cluster, "maxResults": 1]),
                             iamAction: "ecs:ListServices", label: "ecs:ListServices \(environment.cluster)")
        return DoctorTarget(name: environment.name, account: environment.access, probes: [services] + environment.pipelines.map(pipelineProbe))
    }

    static func pipelineProbe(_ name: String) -> Probe {
        Probe(service: .codePipeline, operation: "GetPipelineState", body: jsonObject(["name": name]),
              iamAction: "codepipeline:GetPipelineState", label: "codepipeline:GetPipelineState \(name)")
    }

    private static func jsonObject(_ fields: [String: Any]) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: fields, options: [.sortedKeys])) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}
