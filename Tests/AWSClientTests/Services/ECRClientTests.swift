@testable import AWSClient
import Foundation
import XCTest

/// ECRClient against recorded exchanges: paging, batching and manifests passed through byte for byte.
final class ECRClientTests: XCTestCase {
    private func client(_ transport: ScriptedTransport) -> ECRClient {
        ECRClient(context: AWSFixture.context(transport))
    }

    private let devDigest = "sha256:74b2c688c700ec95a93e478cdb959737c148df3fbf5ea706abe0318726e885e6"
    private let uatDigest = "sha256:4f70ef7a4d29e8c0c302b13e25962d8f7a0bd304c7c2c1a9d6d7dca4d7c5f2a1"
    private let v2 = "application/vnd.docker.distribution.manifest.v2+json"

    func testDescribeRepositories() async throws {
        let fixture = try AWSFixture("ecr/DescribeRepositories")
        let transport = ScriptedTransport(responses: [fixture.response])
        let repositories = try await client(transport).describeRepositories()
        try fixture.assertMatches(transport.requests.first)
        XCTAssertEqual(repositories.compactMap(\.repositoryName), ["myapp-frontend", "myapp-backend", "myapp-worker"])
        XCTAssertEqual(repositories.first?.repositoryUri, "111111111111.dkr.ecr.eu-west-1.amazonaws.com/myapp-frontend")
        XCTAssertEqual(repositories.first?.imageTagMutability, "MUTABLE")
        XCTAssertEqual(repositories.first?.createdAt, Date(timeIntervalSince1970: 1_690_000_000))
    }

    func testDescribeRepositoriesFollowsPagesAndNamedOnesSendNoPageSize() async throws {
        let transport = ScriptedTransport { _, index in
            AWSFixture.reply(index == 0 ? ["repositories": [["repositoryName": "a"]], "nextToken": "p2"] : ["repositories": [["repositoryName": "b"]]])
        }
        let repositories = try await client(transport).describeRepositories(repositoryNames: ["a", "b"], registryId: "111111111111")
        XCTAssertEqual(repositories.compactMap(\.repositoryName), ["a", "b"])
        XCTAssertEqual(try AWSFixture.canonical(transport.requests[1].body),
                       #"{"nextToken":"p2","registryId":"111111111111","repositoryNames":["a","b"]}"#)
    }

    func testDescribeImagesByTagAndDigestReadsWholeSecondPushTimes() async throws {
        let fixture = try AWSFixture("ecr/DescribeImages")
        let transport = ScriptedTransport(responses: [fixture.response])
        let images = try await client(transport).describeImages(
            repositoryName: "myapp-frontend", imageIds: [ECRImageIdentifier(imageTag: "dev"), ECRImageIdentifier(imageDigest: uatDigest)])
        try fixture.assertMatches(transport.requests.first)
        XCTAssertEqual(images.count, 2)
        XCTAssertEqual(images[0].imageDigest, devDigest)
        XCTAssertEqual(images[0].imageTags, ["build-5", "dev"])
        XCTAssertEqual(images[0].imageSizeInBytes, 52_436_789)
        XCTAssertEqual(images[0].imagePushedAt, Date(timeIntervalSince1970: 1_700_000_000))
        XCTAssertEqual(images[0].lastRecordedPullTime?.timeIntervalSince1970 ?? 0, 1_700_003_600.123, accuracy: 1e-6)
        XCTAssertEqual(images[0].imageManifestMediaType, v2)
        XCTAssertEqual(images[1].imageTags, ["build-4", "sit", "uat"])
        XCTAssertNil(images[1].lastRecordedPullTime)
    }

    func testDescribeImagesFollowsEveryPage() async throws {
        let transport = ScriptedTransport { _, index in
            AWSFixture.reply(index < 2 ? ["imageDetails": [["imageDigest": "d\(index)"]], "nextToken": "n\(index)"]
                                       : ["imageDetails": [["imageDigest": "d\(index)"]]])
        }
        let images = try await client(transport).describeImages(repositoryName: "r", tagStatus: .tagged)
        XCTAssertEqual(images.compactMap(\.imageDigest), ["d0", "d1", "d2"])
        XCTAssertEqual(try AWSFixture.canonical(transport.requests[2].body),
                       #"{"filter":{"tagStatus":"TAGGED"},"maxResults":1000,"nextToken":"n1","repositoryName":"r"}"#)
    }

    func testListImagesFollowsPagesAndStopsOnARepeatedToken() async throws {
        let fixture = try AWSFixture("ecr/ListImages")
        let transport = ScriptedTransport(responses: [
            AWSFixture.reply(fixture.responseObject.merging(["nextToken": "same"]) { $1 }),
            AWSFixture.reply(["imageIds": [["imageTag": "build-4"]], "nextToken": "same"]),
            AWSFixture.reply(["imageIds": [["imageTag": "never"]]]),
        ])
        let ids = try await client(transport).listImages(repositoryName: "myapp-frontend", tagStatus: .tagged)
        try fixture.assertMatches(transport.requests.first)
        XCTAssertEqual(transport.requests.count, 2)
        XCTAssertEqual(ids.compactMap(\.imageTag), ["dev", "build-5", "uat", "build-4"])
        XCTAssertEqual(ids.first, ECRImageIdentifier(imageDigest: devDigest, imageTag: "dev"))
    }

    func testBatchGetImageReturnsTheManifestAndFailures() async throws {
        let fixture = try AWSFixture("ecr/BatchGetImage")
        let transport = ScriptedTransport(responses: [fixture.response])
        let result = try await client(transport).batchGetImage(
            repositoryName: "myapp-frontend", imageIds: [ECRImageIdentifier(imageTag: "uat"), ECRImageIdentifier(imageTag: "nope")],
            acceptedMediaTypes: [v2, "application/vnd.oci.image.manifest.v1+json"])
        try fixture.assertMatches(transport.requests.first)
        let image = try XCTUnwrap(result.images.first)
        XCTAssertEqual(image.imageId, ECRImageIdentifier(imageDigest: uatDigest, imageTag: "uat"))
        XCTAssertEqual(image.imageManifestMediaType, v2)
        let manifest = try XCTUnwrap(image.imageManifest)
        XCTAssertTrue(manifest.hasPrefix("{\n   \"schemaVersion\": 2,\n"), manifest)
        XCTAssertEqual(result.failures, [ECRImageFailure(imageId: ECRImageIdentifier(imageTag: "nope"), failureCode: "ImageNotFound",
                                                         failureReason: "Requested image not found")])
    }

    func testBatchGetImageSplitsIntoCallsOfAtMost100() async throws {
        let transport = ScriptedTransport { request, _ in
            let ids = try AWSFixture.body(request)["imageIds"] as? [[String: Any]] ?? []
            return AWSFixture.reply(["images": ids.map { ["imageId": $0] }])
        }
        let ids = (0..<150).map { ECRImageIdentifier(imageTag: "build-\($0)") }
        let result = try await client(transport).batchGetImage(repositoryName: "r", imageIds: ids)
        XCTAssertEqual(try transport.requests.map { (try AWSFixture.body($0)["imageIds"] as? [Any])?.count }, [100, 50])
        XCTAssertEqual(result.images.compactMap(\.imageId), ids)
    }

    func testPutImageSendsTheRecordedRequest() async throws {
        let batch = try AWSFixture("ecr/BatchGetImage")
        let fixture = try AWSFixture("ecr/PutImage")
        let transport = ScriptedTransport(responses: [batch.response, fixture.response])
        let ecr = client(transport)
        let source = try await ecr.batchGetImage(repositoryName: "myapp-frontend", imageIds: [ECRImageIdentifier(imageTag: "uat")])
        let image = try XCTUnwrap(source.images.first)
        let put = try await ecr.putImage(ECRPutImageRequest(repositoryName: "myapp-frontend", imageManifest: image.imageManifest ?? "",
                                                            imageManifestMediaType: image.imageManifestMediaType, imageTag: "prod"))
        try fixture.assertMatches(transport.requests.last)
        XCTAssertEqual(put.imageId, ECRImageIdentifier(imageDigest: uatDigest, imageTag: "prod"))
    }

    func testPutImageSendsTheManifestByteForByte() async throws {
        // Odd but legal manifest text: the digest is over these exact bytes, so no re-serialisation
        // (key order, spacing, escapes, Unicode normalisation) may touch it. "e\u{301}" is a decomposed é
        // that Swift's String == would call equal to "é", hence the comparison of UTF-8 bytes.
        let manifest = "{\"schemaVersion\":2,  \"mediaType\" : \"application/vnd.oci.image.manifest.v1+json\",\n\t\"annotations\":{\"z\":\"caf\u{65}\u{301}\",\"a\":\"\\u00e9 \\/ slash\"},\r\n\"layers\":[]}\n"
        let transport = ScriptedTransport(responses: [try AWSFixture("ecr/PutImage").response])
        try await client(transport).putImage(ECRPutImageRequest(repositoryName: "r", imageManifest: manifest,
                                                                imageManifestMediaType: "application/vnd.oci.image.manifest.v1+json",
                                                                imageTag: "prod", imageDigest: "sha256:abc"))
        let body = try AWSFixture.body(try XCTUnwrap(transport.requests.first))
        let sent = try XCTUnwrap(body["imageManifest"] as? String)
        XCTAssertEqual(Array(sent.utf8), Array(manifest.utf8))
        XCTAssertEqual(body["imageDigest"] as? String, "sha256:abc")
        XCTAssertEqual(body["imageTag"] as? String, "prod")
    }

    func testPutImageOfAnExistingTagIsTypedImageAlreadyExists() async {
        let transport = ScriptedTransport(responses: [ScriptedTransport.json(
            400, #"{"__type":"ImageAlreadyExistsException","message":"Image with digest 'sha256:4f70' and tag 'prod' already exists in the repository"}"#)])
        await XCTAssertThrowsAWSError(try await client(transport).putImage(ECRPutImageRequest(repositoryName: "r", imageManifest: "{}", imageTag: "prod")),
                                      code: "ImageAlreadyExistsException")
    }
}
