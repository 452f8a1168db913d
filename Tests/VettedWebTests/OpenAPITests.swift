import Foundation
import Testing
import Vapor
import VettedTestSupport

@Suite struct OpenAPITests {
    @Test func every_api_route_is_documented_and_every_documented_route_exists() async throws {
        try await TestDatabase.withApp { app in
            let reply = try await TestClient(app).get("/api/openapi.json")
            #expect(reply.status == .ok)
            let document = try reply.json()
            #expect(document["openapi"] as? String == "3.1.0")
            let paths = try #require(document["paths"] as? [String: [String: Any]])
            let documented = Set(paths.flatMap { path, operations in operations.keys.map { "\($0.uppercased()) \(path)" } })
            let routed = Set(app.routes.all.filter { $0.path.first?.description == "api" && $0.path.count > 1 && $0.path[1].description == "v1" }.map { route in
                let path = "/" + route.path.map { component -> String in
                    if case .parameter(let name) = component { return "{\(name)}" }
                    return component.description
                }.joined(separator: "/")
                return "\(route.method.rawValue) \(path)"
            })
            #expect(routed.count >= 20)
            #expect(routed.subtracting(documented).isEmpty, "routes missing from the OpenAPI document: \(routed.subtracting(documented).sorted())")
            #expect(documented.subtracting(routed).isEmpty, "documented routes that do not exist: \(documented.subtracting(routed).sorted())")
            // Every schema reference resolves.
            let schemas = try #require((document["components"] as? [String: Any])?["schemas"] as? [String: Any])
            for ref in reply.body.components(separatedBy: "#/components/schemas/").dropFirst().map({ String($0.prefix { $0 != "\"" }) }) {
                #expect(schemas[ref] != nil, "unresolved schema \(ref)")
            }
        }
    }
}
