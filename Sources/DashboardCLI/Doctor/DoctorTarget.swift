import AWSClient
import DashboardEngine
import DashboardModel
import Foundation

/// An account `ecsdash doctor` checks: the registry or one environment, with the probes it needs.
package struct DoctorTarget: Sendable {
    /// A read call the dashboard depends on, and the IAM action it needs.
    package struct Probe: Sendable {
        package let service: AWSServiceDescriptor
        package let operation: String
        package let body: String
        package let iamAction: String
        package let label: String
    }

    package let name: String
    package let account: AccountConfig
    package let probes: [Probe]

    package static func registry(_ account: AccountConfig, pipelines: [String]) -> DoctorTarget {
        let repositories = Probe(service: .ecr, operation: "DescribeRepositories", body: #"{"maxResults":1}"#,
                                 iamAction: "ecr:DescribeRepositories", label: "ecr:DescribeRepositories")
        return DoctorTarget(name: "registry", account: account, probes: [repositories] + pipelines.map(pipelineProbe))
    }

    package static func environment(_ environment: EnvironmentConfig) -> DoctorTarget {
        let services = Probe(service: .ecs, operation: "ListServices", body: jsonObject(["cluster": environment.cluster, "maxResults": 1]),
                             iamAction: "ecs:ListServices", label: "ecs:ListServices \(environment.cluster)")
        return DoctorTarget(name: environment.name, account: environment.access, probes: [services] + environment.pipelines.map(pipelineProbe))
    }

    package static func pipelineProbe(_ name: String) -> Probe {
        Probe(service: .codePipeline, operation: "GetPipelineState", body: jsonObject(["name": name]),
              iamAction: "codepipeline:GetPipelineState", label: "codepipeline:GetPipelineState \(name)")
    }

    private static func jsonObject(_ fields: [String: Any]) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: fields, options: [.sortedKeys])) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}
