import Foundation
import VettedDomain

/// A small deterministic RNG (SplitMix64) so the same seed gives the same demo every time.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) {
        state = seed
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Draws built on `next()` alone, so the demo never depends on how the standard library maps
/// random bits onto ranges or shuffles (which may change between Swift releases).
extension SeededGenerator {
    public mutating func int(_ range: ClosedRange<Int>) -> Int {
        let span = UInt64(range.upperBound - range.lowerBound) + 1
        return range.lowerBound + Int(next() % span)
    }

    /// True `percent` times out of a hundred.
    public mutating func percent(_ percent: Int) -> Bool {
        int(0...99) < percent
    }

    mutating func pick<T>(_ items: [T]) -> T {
        items[int(0...(items.count - 1))]
    }

    /// One item, each as likely as its weight.
    mutating func weighted<T>(_ items: [(T, Int)]) -> T {
        var roll = int(0...(items.reduce(0) { $0 + $1.1 } - 1))
        for (item, weight) in items {
            if roll < weight { return item }
            roll -= weight
        }
        return items[items.count - 1].0
    }

    /// Fisher–Yates.
    mutating func shuffled<T>(_ items: [T]) -> [T] {
        var result = items
        guard result.count > 1 else { return result }
        for i in stride(from: result.count - 1, to: 0, by: -1) {
            result.swapAt(i, int(0...i))
        }
        return result
    }
}

/// Demo organizations, people, job briefs, developers and pipelines: plain values, no
/// database. The seeder turns them into rows; the same seed always gives the same data.
public struct DemoDataset: Sendable {
    public struct Organization: Sendable {
        public let key: String
        public let name: String
        public let kind: OrganizationKind
    }

    public struct Member: Sendable {
        public let organizationKey: String
        public let email: String
        public let name: String
        public let memberRole: MemberRole
    }

    public struct Role: Sendable {
        public let organizationKey: String
        public let input: RoleInput
    }

    /// A candidate in a role's pipeline; both are indexes into `roles` and `candidates`.
    public struct Application: Sendable {
        public let roleIndex: Int
        public let candidateIndex: Int
        public let stage: ApplicationStage
    }

    public let organizations: [Organization]
    public let members: [Member]
    public let roles: [Role]
    public let candidates: [CandidateInput]
    public let applications: [Application]

    public static func generate(seed: UInt64 = 2026, candidateCount: Int = 500) -> DemoDataset {
        var rng = SeededGenerator(seed: seed)
        var used = Set<String>()
        var candidates: [CandidateInput] = []
        var categories: [RoleCategory] = []
        for index in 0..<max(0, candidateCount) {
            let made = DemoCandidates.make(index: index, rng: &rng, used: &used)
            candidates.append(made.input)
            categories.append(made.category)
        }
        // A separate stream, so the pipelines do not shift when candidate generation changes.
        var pipelineRNG = SeededGenerator(seed: seed ^ 0x5EED_A991_1CA7_1045)
        let applications = makeApplications(roles: demoRoles, categories: categories, rng: &pipelineRNG)
        return DemoDataset(
            organizations: demoOrganizations, members: demoMembers, roles: demoRoles,
            candidates: candidates, applications: applications
        )
    }

    // MARK: - Organizations and members

    static let operatorKey = "operator"

    static let demoOrganizations: [Organization] = [
        Organization(key: operatorKey, name: "Vetted Talent Partners", kind: .`operator`),
        Organization(key: "northwind", name: "Northwind Analytics", kind: .client),
        Organization(key: "helios", name: "Helios Robotics", kind: .client),
    ]

    static let demoMembers: [Member] = [
        Member(organizationKey: operatorKey, email: "admin@example.com", name: "Avery Admin", memberRole: .admin),
        Member(organizationKey: operatorKey, email: "partner@example.com", name: "Paula Reyes", memberRole: .talentPartner),
        Member(organizationKey: "northwind", email: "admin@northwind.example", name: "Dana Whitfield", memberRole: .admin),
        Member(organizationKey: "northwind", email: "manager@northwind.example", name: "Marcus Hale", memberRole: .hiringManager),
        Member(organizationKey: "northwind", email: "interviewer@northwind.example", name: "Iris Chen", memberRole: .interviewer),
        Member(organizationKey: "helios", email: "admin@helios.example", name: "Henrike Vogel", memberRole: .admin),
        Member(organizationKey: "helios", email: "manager@helios.example", name: "Matteo Ricci", memberRole: .hiringManager),
        Member(organizationKey: "helios", email: "interviewer@helios.example", name: "Ines Kraus", memberRole: .interviewer),
    ]

    // MARK: - Roles (job briefs)

    static let demoRoles: [Role] = [
        // AI/ML
        role("northwind", "NLP Engineer — support ticket triage", .aiML, specialties: ["nlp", "llm-fine-tuning"],
             summary: "Classify and route 40,000 support tickets a month by intent and urgency. Replace a keyword rule set with a fine-tuned transformer and measure the gain.",
             features: ["Intent and urgency classifier", "Confidence-based routing with human fallback", "Weekly evaluation report"],
             integrations: ["Zendesk API", "PostgreSQL", "AWS S3"],
             deliverables: "Trained model, inference service, evaluation notebook and a retraining runbook.",
             start: "2027-01-11", weeks: 24, hours: 40, zone: "America/New_York", overlap: 4, budget: 9500, seniority: .senior),
        role("helios", "Computer Vision Engineer", .aiML, specialties: ["computer-vision", "mlops"],
             summary: "Detect defects on a robot arm's camera feed in real time. Models run on edge devices on the factory floor.",
             features: ["Defect detection model", "On-device inference under 50 ms", "Labelling workflow for new defect types"],
             integrations: ["NVIDIA Jetson", "ROS 2", "AWS S3"],
             deliverables: "Exported ONNX models, benchmark results and a labelling guide.",
             start: "2027-02-01", weeks: 32, hours: 40, zone: "Europe/Berlin", overlap: 3, budget: 10000, seniority: .senior,
             from: "08:00", to: "16:00"),
        role("helios", "MLOps Engineer — model deployment pipeline", .aiML, specialties: ["mlops", "architecture"],
             summary: "Turn notebook models into versioned, monitored services with one-click rollbacks.",
             features: ["Model registry", "CI pipeline for training and deployment", "Drift monitoring and alerts"],
             integrations: ["MLflow", "Kubernetes", "Google Cloud Storage"],
             deliverables: "Deployment pipeline, dashboards and documentation handed over to the in-house team.",
             start: "2027-03-01", weeks: 16, hours: 40, zone: "Europe/Berlin", overlap: 3, budget: 8000, seniority: .mid),
        role("northwind", "LLM Application Developer — analytics assistant", .aiML, specialties: ["nlp", "apis"],
             summary: "Prototype an assistant that answers account managers' questions from the data warehouse, with citations to the underlying queries.",
             features: ["Question-to-SQL with guardrails", "Slack bot front end", "Answer quality evaluation set"],
             integrations: ["OpenAI API", "Snowflake", "Slack API"],
             deliverables: "Working prototype, evaluation results and a go/no-go recommendation.",
             start: "2027-01-25", weeks: 4, hours: 20, zone: "America/New_York", overlap: 2, budget: 9000, seniority: .senior, status: .draft),
        // Data science
        role("northwind", "Analytics Engineer (dbt)", .dataScience, specialties: ["analytics", "etl"],
             summary: "Rebuild revenue and retention reporting as tested dbt models. Finance and product should read the same numbers.",
             features: ["Staging and mart layers", "Data tests and freshness checks", "Metric definitions documented in dbt docs"],
             integrations: ["Snowflake", "dbt Cloud", "Looker"],
             deliverables: "dbt project, documentation site and migrated Looker explores.",
             start: "2027-01-18", weeks: 26, hours: 40, zone: "America/New_York", overlap: 3, budget: 7000, seniority: .mid),
        role("northwind", "ETL / Data Pipeline Engineer", .dataScience, specialties: ["etl", "databases"],
             summary: "Move nightly cron scripts to orchestrated, idempotent pipelines with backfills and alerting.",
             features: ["Airflow DAGs for 30 sources", "Incremental loads with backfill", "Pipeline failure alerts"],
             integrations: ["Apache Airflow", "PostgreSQL", "AWS S3", "Snowflake"],
             deliverables: "Production pipelines, runbooks and on-call handover.",
             start: "2027-02-08", weeks: 52, hours: 40, zone: "America/New_York", overlap: 4, budget: 8500, seniority: .senior),
        role("helios", "Data Scientist — fleet telemetry forecasting", .dataScience, specialties: ["statistics", "visualization"],
             summary: "Forecast component wear from robot telemetry so maintenance is planned, not reactive. Findings go to operations weekly.",
             features: ["Failure forecasting model", "Maintenance planning dashboard", "Weekly insights memo"],
             integrations: ["BigQuery", "Grafana"],
             deliverables: "Forecasting model, dashboard and a written methodology.",
             start: "2027-02-15", weeks: 20, hours: 40, zone: "Europe/Berlin", overlap: 2, budget: 8000, seniority: .senior,
             from: "08:30", to: "16:30"),
        role(operatorKey, "Data Analyst — talent market reporting", .dataScience, specialties: ["analytics", "visualization"],
             summary: "Report monthly on rates, availability and time-to-hire across the talent pool.",
             features: ["Rate benchmarks by region and seniority", "Time-to-hire funnel", "Monthly PDF report"],
             integrations: ["PostgreSQL", "Metabase", "Google Sheets API"],
             deliverables: "Metabase dashboards and a repeatable monthly report.",
             start: "2027-01-04", weeks: 8, hours: 20, zone: "Europe/London", overlap: 2, budget: 4500, seniority: .junior),
        // Backend
        role("northwind", "FastAPI Backend Engineer — payments", .backend, specialties: ["apis", "databases"],
             summary: "Build the billing service behind Northwind's self-serve plans: subscriptions, invoices and usage-based charges.",
             features: ["Subscription and invoice API", "Idempotent Stripe webhooks", "Usage metering with nightly reconciliation"],
             integrations: ["Stripe", "PostgreSQL", "Redis"],
             deliverables: "Payments service with tests, OpenAPI spec and deployment scripts.",
             start: "2027-01-11", weeks: 36, hours: 40, zone: "America/New_York", overlap: 4, budget: 11000, seniority: .senior),
        role("helios", "Django REST API Developer", .backend, specialties: ["apis", "databases"],
             summary: "Extend the customer portal API: fleet inventory, service tickets and role-based access for customer staff.",
             features: ["Fleet inventory endpoints", "Service ticket workflow", "Per-customer permissions"],
             integrations: ["PostgreSQL", "AWS S3", "Auth0"],
             deliverables: "API endpoints with tests and updated API documentation.",
             start: "2027-01-18", weeks: 24, hours: 40, zone: "Europe/Berlin", overlap: 3, budget: 6500, seniority: .mid),
        role("helios", "Python Backend Lead — device platform", .backend, specialties: ["architecture", "apis"],
             summary: "Lead a team of four building the platform that collects telemetry from 5,000 robots. Own the architecture and the hiring bar.",
             features: ["Telemetry ingestion at 20k messages per second", "Device registry and firmware rollout", "Team code review and mentoring"],
             integrations: ["Kafka", "PostgreSQL", "Kubernetes", "MQTT"],
             deliverables: "Architecture decision records, platform services and a trained team.",
             start: "2027-03-15", weeks: 78, hours: 40, zone: "Europe/Berlin", overlap: 4, budget: 12000, seniority: .lead, status: .draft),
        role(operatorKey, "Backend Developer — internal tooling", .backend, specialties: ["apis", "databases"],
             summary: "Small internal tools for the talent team: import scripts, a Slack digest of new candidates and data clean-up jobs.",
             features: ["CSV and API candidate import", "Daily Slack digest", "Duplicate profile detection"],
             integrations: ["PostgreSQL", "Slack API", "GitHub API"],
             deliverables: "Tested scripts and jobs deployed on the internal platform.",
             start: "2027-02-01", weeks: 6, hours: 20, zone: "Europe/London", overlap: 2, budget: 4500, seniority: .junior),
    ]

    private static func role(
        _ organizationKey: String, _ title: String, _ category: RoleCategory, specialties: [String],
        summary: String, features: [String], integrations: [String], deliverables: String,
        start: String, weeks: Int, hours: Int, zone: String, overlap: Int, budget: Int,
        seniority: Seniority, status: RoleStatus = .open, from: String = "09:00", to: String = "17:00"
    ) -> Role {
        var input = RoleInput()
        input.title = title
        input.category = category.rawValue
        input.specialties = specialties
        input.summary = summary
        input.features = features
        input.integrations = integrations
        input.deliverables = deliverables
        input.ipOwnership = IPOwnership.client.rawValue
        input.startDate = start
        input.durationWeeks = weeks
        input.hoursPerWeek = hours
        input.workStart = from
        input.workEnd = to
        input.timeZone = zone
        input.overlapHours = overlap
        input.budgetHourlyCents = budget
        input.currency = "USD"
        input.seniority = seniority.rawValue
        input.status = status.rawValue
        return Role(organizationKey: organizationKey, input: input)
    }

    // MARK: - Applications

    /// Five candidates for each open client role, matching the role's category first,
    /// with stages spread over the pipeline (more early than late, as in real hiring).
    static func makeApplications(roles: [Role], categories: [RoleCategory], rng: inout SeededGenerator) -> [Application] {
        let stageCounts: [(ApplicationStage, Int)] = [
            (.sourced, 10), (.screen, 8), (.fundamentals, 7), (.projectTest, 6),
            (.communication, 4), (.paidTrial, 3), (.offer, 2),
        ]
        let stages = rng.shuffled(stageCounts.flatMap { Array(repeating: $0.0, count: $0.1) })
        var result: [Application] = []
        for (roleIndex, role) in roles.enumerated() {
            guard role.organizationKey != operatorKey, role.input.status == RoleStatus.open.rawValue,
                  let category = role.input.category.flatMap({ RoleCategory(rawValue: $0) })
            else { continue }
            let matching = categories.indices.filter { categories[$0] == category }
            let others = categories.indices.filter { categories[$0] != category }
            for candidateIndex in (rng.shuffled(matching) + rng.shuffled(others)).prefix(5) {
                let stage = stages[result.count % stages.count]
                result.append(Application(roleIndex: roleIndex, candidateIndex: candidateIndex, stage: stage))
            }
        }
        return result
    }
}
