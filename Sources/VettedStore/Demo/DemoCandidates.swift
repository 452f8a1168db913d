import Foundation
import VettedDomain

/// Where demo developers live: names, zones, and how their rates compare to the guide's
/// offshore bands.
struct DemoCountry: Sendable {
    let code: String
    let zones: [String]
    let weight: Int
    /// Percent of the offshore rate band: 100 offshore, 200–300 for US/GB/DE/CA.
    let rateMultiplier: ClosedRange<Int>
    /// 0: English as a second language, 1: widely used at work, 2: native.
    let englishTier: Int
    let firstNames: [String]
    let lastNames: [String]
    /// For development partners' names ("Kraków Data Studio").
    let cities: [String]

    init(_ code: String, _ zones: [String], weight: Int, rate: ClosedRange<Int> = 100...100, english: Int = 0,
         first: String, last: String, cities: [String]) {
        self.code = code
        self.zones = zones
        self.weight = weight
        self.rateMultiplier = rate
        self.englishTier = english
        self.firstNames = first.split(separator: " ").map(String.init)
        self.lastNames = last.split(separator: " ").map(String.init)
        self.cities = cities
    }
}

/// A developer's specialty within a category: what the headline and bio say, and the
/// skills every such developer has.
struct DemoTrack: Sendable {
    let category: RoleCategory
    let noun: String
    let focus: String
    let work: String
    let core: [String]
    let repos: [String]
}

enum DemoCandidates {
    // MARK: - Tables

    static let countries: [DemoCountry] = [
        DemoCountry("IN", ["Asia/Kolkata"], weight: 14, english: 1,
                    first: "Aarav Priya Rohan Ananya Vikram Sneha Arjun Kavya Rahul Divya Karthik Meera Siddharth Neha Aditya Pooja Ishaan Lakshmi Nikhil Shreya",
                    last: "Sharma Patel Iyer Reddy Nair Gupta Singh Menon Rao Desai Krishnan Banerjee Joshi Mehta Pillai Chatterjee",
                    cities: ["Pune", "Bengaluru", "Hyderabad", "Chennai"]),
        DemoCountry("PK", ["Asia/Karachi"], weight: 6, english: 1,
                    first: "Ali Ayesha Hamza Fatima Usman Zainab Bilal Hira Saad Maryam Farhan Sana",
                    last: "Khan Ahmed Qureshi Malik Siddiqui Butt Chaudhry Raza Shah Iqbal",
                    cities: ["Lahore", "Karachi", "Islamabad"]),
        DemoCountry("UA", ["Europe/Kyiv"], weight: 7, rate: 100...120,
                    first: "Oleksandr Olena Dmytro Iryna Andriy Kateryna Serhiy Yulia Taras Oksana Maksym Sofiia",
                    last: "Kovalenko Shevchenko Bondarenko Tkachenko Melnyk Kravchenko Savchuk Lysenko Marchenko Boyko",
                    cities: ["Kyiv", "Lviv", "Kharkiv", "Dnipro"]),
        DemoCountry("PL", ["Europe/Warsaw"], weight: 7, rate: 100...130,
                    first: "Piotr Katarzyna Tomasz Agnieszka Michał Magdalena Krzysztof Anna Paweł Joanna Jakub Zofia",
                    last: "Nowak Wójcik Kowalczyk Mazur Krawczyk Kaczmarek Pawlak Dudek Zając Król Wróbel Sikora",
                    cities: ["Kraków", "Wrocław", "Gdańsk", "Poznań"]),
        DemoCountry("RO", ["Europe/Bucharest"], weight: 5, rate: 100...120,
                    first: "Andrei Ioana Mihai Elena Alexandru Maria Cristian Ana Bogdan Raluca Vlad Diana",
                    last: "Popescu Ionescu Popa Dumitru Stan Constantin Georgescu Stoica Marin Munteanu",
                    cities: ["Cluj-Napoca", "Bucharest", "Iași", "Timișoara"]),
        DemoCountry("BR", ["America/Sao_Paulo"], weight: 7,
                    first: "Lucas Mariana Gabriel Juliana Rafael Beatriz Thiago Larissa Mateus Camila Bruno Fernanda",
                    last: "Silva Santos Oliveira Souza Costa Pereira Almeida Ferreira Carvalho Ribeiro Rocha Lima",
                    cities: ["Recife", "Florianópolis", "São Paulo", "Belo Horizonte"]),
        DemoCountry("AR", ["America/Argentina/Buenos_Aires"], weight: 5,
                    first: "Santiago Valentina Martín Camila Facundo Lucía Tomás Agustina Nicolás Florencia",
                    last: "González Fernández Rodríguez López Martínez Romero Sosa Álvarez Benítez Acosta",
                    cities: ["Córdoba", "Buenos Aires", "Rosario", "Mendoza"]),
        DemoCountry("MX", ["America/Mexico_City"], weight: 5,
                    first: "José Daniela Luis Fernanda Diego Sofía Alejandro Ximena Emiliano Regina",
                    last: "Hernández García Ramírez Flores Torres Cruz Morales Reyes Jiménez Mendoza",
                    cities: ["Guadalajara", "Monterrey", "Mexico City", "Querétaro"]),
        DemoCountry("CO", ["America/Bogota"], weight: 4,
                    first: "Andrés Natalia Felipe Carolina Juan Valeria Sebastián Paula Camilo Laura",
                    last: "Gómez Díaz Vargas Castro Moreno Rojas Ortiz Restrepo Cárdenas Muñoz",
                    cities: ["Medellín", "Bogotá", "Cali"]),
        DemoCountry("NG", ["Africa/Lagos"], weight: 5, english: 1,
                    first: "Chinedu Ngozi Oluwaseun Adaeze Emeka Funmilayo Tunde Chiamaka Ifeanyi Amaka Segun Temitope",
                    last: "Okafor Adeyemi Okonkwo Balogun Eze Nwosu Ogunleye Adebayo Obi Bello",
                    cities: ["Lagos", "Abuja", "Port Harcourt"]),
        DemoCountry("KE", ["Africa/Nairobi"], weight: 4, english: 1,
                    first: "Brian Wanjiru Kevin Akinyi Dennis Faith Collins Mercy Victor Grace",
                    last: "Otieno Kamau Mwangi Odhiambo Njoroge Kiprono Wanyama Ochieng Kariuki Mutua",
                    cities: ["Nairobi", "Mombasa", "Kisumu"]),
        DemoCountry("EG", ["Africa/Cairo"], weight: 3,
                    first: "Ahmed Mariam Omar Nour Youssef Salma Karim Hana Mostafa Yasmin",
                    last: "Hassan Mahmoud Ibrahim Farouk Abdelrahman Saleh Fathy Samir Khalil Mansour",
                    cities: ["Cairo", "Alexandria"]),
        DemoCountry("PH", ["Asia/Manila"], weight: 4, english: 1,
                    first: "Miguel Kristine Paolo Angelica Carlo Patricia Jerome Camille Rafael Bea",
                    last: "Santos Reyes Cruz Bautista Mendoza Villanueva Garcia Ramos Aquino Castillo",
                    cities: ["Cebu", "Manila", "Davao"]),
        DemoCountry("VN", ["Asia/Ho_Chi_Minh"], weight: 4,
                    first: "Minh Linh Huy Trang Tuan Thao Duc Anh Khoa Mai Long Ngoc",
                    last: "Nguyen Tran Le Pham Hoang Vu Dang Bui Do Ngo",
                    cities: ["Ho Chi Minh City", "Hanoi", "Da Nang"]),
        DemoCountry("US", ["America/New_York", "America/Los_Angeles", "America/Chicago"], weight: 8, rate: 200...280, english: 2,
                    first: "Emily Michael Sarah David Jessica James Olivia Daniel Grace Ethan Aisha Wei Priyanka Marcus Maria Kevin Jasmine Tyler",
                    last: "Johnson Williams Brown Miller Davis Chen Kim Thompson O'Brien Walker Robinson Nguyen Garcia Patel Rivera Cohen",
                    cities: ["Pittsburgh", "Raleigh", "Atlanta", "Boston"]),
        DemoCountry("GB", ["Europe/London"], weight: 3, rate: 200...250, english: 2,
                    first: "Oliver Amelia Harry Charlotte George Isla Samir Chloe Jack Priya Callum Freya",
                    last: "Smith Taylor Evans Hughes Wright Clarke Khan Murphy Bennett Okoro Shaw Wilson",
                    cities: ["Manchester", "Bristol", "Leeds", "Edinburgh"]),
        DemoCountry("DE", ["Europe/Berlin"], weight: 3, rate: 200...240,
                    first: "Lukas Lena Jonas Laura Felix Hannah Maximilian Sophie Leon Marie Tobias Julia",
                    last: "Müller Schmidt Schneider Fischer Weber Becker Wagner Hoffmann Schulz Koch Yılmaz Richter",
                    cities: ["Leipzig", "Munich", "Hamburg", "Cologne"]),
        DemoCountry("CA", ["America/Toronto"], weight: 3, rate: 200...240, english: 2,
                    first: "Liam Emma Noah Chloe Ethan Ava Arjun Mei Gabriel Zoe",
                    last: "Tremblay Roy Gagnon Wong Singh MacDonald Campbell Li Bouchard Anderson",
                    cities: ["Waterloo", "Montréal", "Toronto", "Ottawa"]),
        DemoCountry("ES", ["Europe/Madrid"], weight: 2, rate: 140...170,
                    first: "Pablo Lucía Javier Carmen Alejandro Marta Sergio Elena Daniel Irene",
                    last: "García Martín Sánchez Pérez Ruiz Navarro Romero Torres Domínguez Gil",
                    cities: ["Valencia", "Málaga", "Barcelona", "Madrid"]),
        DemoCountry("PT", ["Europe/Lisbon"], weight: 2, rate: 140...170,
                    first: "João Inês Tiago Beatriz Rui Catarina Miguel Mariana Pedro Sofia",
                    last: "Ferreira Costa Rodrigues Martins Sousa Gonçalves Pereira Lopes Marques Carvalho",
                    cities: ["Porto", "Braga", "Lisbon", "Coimbra"]),
    ]

    static let tracks: [DemoTrack] = [
        DemoTrack(category: .aiML, noun: "ML engineer", focus: "NLP and LLM fine-tuning", work: "NLP pipelines and fine-tuned transformer models",
                  core: ["pytorch", "transformers", "huggingface", "nlp", "llm-fine-tuning"], repos: ["ticket-intent-classifier", "bert-finetune-recipes", "review-sentiment"]),
        DemoTrack(category: .aiML, noun: "computer vision engineer", focus: "detection and segmentation with PyTorch", work: "image classification and object detection models",
                  core: ["pytorch", "computer-vision", "opencv"], repos: ["defect-detector", "yolo-retail-shelves", "segmentation-playground"]),
        DemoTrack(category: .aiML, noun: "MLOps engineer", focus: "model deployment and monitoring", work: "model deployment, monitoring and retraining pipelines",
                  core: ["mlops", "mlflow", "docker", "onnx"], repos: ["model-serving-template", "mlflow-on-k8s", "drift-monitor"]),
        DemoTrack(category: .aiML, noun: "machine learning engineer", focus: "tabular models with XGBoost and LightGBM", work: "tabular models for churn, pricing and risk",
                  core: ["scikit-learn", "xgboost", "lightgbm", "feature-engineering"], repos: ["churn-prediction", "credit-scoring", "price-elasticity"]),
        DemoTrack(category: .aiML, noun: "AI engineer", focus: "LLM applications and retrieval", work: "LLM-powered assistants and retrieval pipelines",
                  core: ["langchain", "transformers", "llm-fine-tuning", "fastapi"], repos: ["docs-qa-bot", "rag-starter", "support-copilot"]),
        DemoTrack(category: .dataScience, noun: "data scientist", focus: "experimentation and A/B testing", work: "product analytics and A/B test design",
                  core: ["pandas", "statistics", "a-b-testing", "statsmodels"], repos: ["ab-test-calculator", "experiment-analysis", "retention-cohorts"]),
        DemoTrack(category: .dataScience, noun: "data engineer", focus: "ETL pipelines with Airflow and Spark", work: "batch and streaming ETL pipelines",
                  core: ["airflow", "etl", "pyspark", "sql"], repos: ["airflow-dags", "spark-jobs", "lakehouse-ingest"]),
        DemoTrack(category: .dataScience, noun: "analytics engineer", focus: "dbt models on Snowflake", work: "dbt models and warehouse-backed reporting",
                  core: ["dbt", "sql", "snowflake"], repos: ["dbt-revenue-models", "jaffle-shop-extended", "metrics-layer"]),
        DemoTrack(category: .dataScience, noun: "data analyst", focus: "dashboards and data visualization", work: "dashboards, reporting and exploratory analysis",
                  core: ["pandas", "sql", "plotly", "data-visualization"], repos: ["sales-dashboard", "eda-notebooks", "kpi-reports"]),
        DemoTrack(category: .dataScience, noun: "data scientist", focus: "forecasting and statistical modelling", work: "demand forecasting and statistical modelling",
                  core: ["pandas", "numpy", "scipy", "statsmodels"], repos: ["demand-forecast", "time-series-toolkit", "energy-load-model"]),
        DemoTrack(category: .backend, noun: "Django developer", focus: "REST APIs with Django REST Framework", work: "Django REST APIs for SaaS products",
                  core: ["django", "django-rest-framework", "postgresql", "rest-apis"], repos: ["saas-billing-api", "django-multitenant", "booking-backend"]),
        DemoTrack(category: .backend, noun: "backend engineer", focus: "async APIs with FastAPI", work: "async FastAPI services backed by PostgreSQL",
                  core: ["fastapi", "asyncio", "postgresql", "sqlalchemy"], repos: ["fastapi-payments", "async-orders-service", "webhook-relay"]),
        DemoTrack(category: .backend, noun: "Python backend engineer", focus: "task queues and event-driven services", work: "Celery workers, Kafka consumers and event-driven services",
                  core: ["celery", "redis", "kafka", "microservices"], repos: ["event-bus", "celery-pipelines", "notification-service"]),
        DemoTrack(category: .backend, noun: "backend engineer", focus: "cloud services on AWS and Kubernetes", work: "containerized Python services on AWS and Kubernetes",
                  core: ["aws", "docker", "kubernetes", "ci-cd"], repos: ["infra-templates", "k8s-python-service", "serverless-etl"]),
        DemoTrack(category: .backend, noun: "Flask developer", focus: "lightweight APIs and integrations", work: "Flask APIs and third-party integrations",
                  core: ["flask", "rest-apis", "mysql", "sqlalchemy"], repos: ["flask-crm-api", "shopify-sync", "internal-tools"]),
    ]

    static let fundamentals = ["oop", "data-structures", "algorithms", "testing", "pytest", "git", "type-hints", "debugging", "clean-code"]

    static func skillPool(_ category: RoleCategory) -> [String] {
        switch category {
        case .aiML:
            ["pytorch", "tensorflow", "keras", "scikit-learn", "xgboost", "lightgbm", "transformers", "huggingface", "nlp", "computer-vision",
             "opencv", "llm-fine-tuning", "langchain", "mlops", "mlflow", "onnx", "model-evaluation", "feature-engineering", "spacy", "reinforcement-learning"]
        case .dataScience:
            ["pandas", "numpy", "scipy", "statsmodels", "matplotlib", "seaborn", "plotly", "jupyter", "sql", "polars", "apache-spark",
             "pyspark", "airflow", "dbt", "etl", "data-cleaning", "data-visualization", "statistics", "a-b-testing", "snowflake", "bigquery"]
        case .backend:
            ["django", "django-rest-framework", "fastapi", "flask", "rest-apis", "graphql", "postgresql", "mysql", "redis", "celery", "rabbitmq",
             "kafka", "sqlalchemy", "docker", "kubernetes", "aws", "gcp", "azure", "ci-cd", "microservices", "asyncio", "performance-tuning"]
        }
    }

    static let evidenceFiles: [String: String] = [
        "docker": "Dockerfile", "kubernetes": "k8s/deployment.yaml", "ci-cd": ".github/workflows/ci.yml",
        "dbt": "dbt_project.yml", "airflow": "dags/daily_load.py", "pytest": "tests/conftest.py",
        "testing": "tests/", "type-hints": "mypy.ini", "jupyter": "notebooks/exploration.ipynb", "sql": "sql/models.sql",
    ]

    static let partnerSuffixes: [RoleCategory: [String]] = [
        .aiML: ["AI Works", "ML Studio", "Machine Learning Lab", "AI Collective"],
        .dataScience: ["Data Studio", "Analytics Lab", "Data Works", "Insights Studio"],
        .backend: ["Python Labs", "Software House", "Backend Studio", "Dev Partners"],
    ]

    // MARK: - Generation

    /// About 3% of the pool are development partners (agencies); the rest are individuals.
    static func make(index: Int, rng: inout SeededGenerator, used: inout Set<String>) -> (input: CandidateInput, category: RoleCategory) {
        let country = rng.weighted(countries.map { ($0, $0.weight) })
        let category: RoleCategory = rng.weighted([(.aiML, 35), (.dataScience, 30), (.backend, 35)])
        let track = rng.pick(tracks.filter { $0.category == category })
        var c = CandidateInput()
        c.country = country.code
        c.currency = "USD"
        c.availableFrom = availableDate(dayOffset: rng.int(0...150))
        c.vettingStatus = rng.weighted([("vetted", 40), ("in-review", 25), ("unvetted", 35)])
        c.englishLevel = englishLevel(country, &rng)
        let vetted = c.vettingStatus == "vetted"
        if index % 33 == 16 {
            let name = partnerName(country, category, index: index, rng: &rng, used: &used)
            let size = rng.int(6...40)
            let site = name.split(separator: " ").map { slug(String($0)) }.filter { !$0.isEmpty }.joined(separator: "-")
            c.kind = "partner"
            c.fullName = name
            c.email = "hello@\(site).example"
            c.timeZone = country.zones[0]
            c.seniority = Seniority.senior.rawValue
            c.yearsExperience = rng.int(4...15)
            c.hourlyRateCents = rateCents(band: 4500...9000, category, country, &rng)
            c.hoursPerWeek = 40
            c.engagementPreferences = ["dedicated", "project"]
            c.headline = "\(categoryPhrase(category)) development partner — \(size) Python engineers, \(track.focus)"
            c.bio = "\(rng.pick(country.cities))-based team of \(size) Python engineers delivering \(track.work) for clients in Europe and North America. Works on fixed-scope projects or as a dedicated team."
            c.links = ["https://\(site).example"]
            c.skills = skills(track, .senior, handle: nil, vetted: vetted, rng: &rng)
            c.workStart = "09:00"
            c.workEnd = "17:00"
        } else {
            let seniority: Seniority = rng.weighted([(.junior, 25), (.mid, 40), (.senior, 30), (.lead, 5)])
            let first = rng.pick(country.firstNames), last = rng.pick(country.lastNames)
            let handle = githubHandle(first: first, last: last, category: category, rng: &rng, used: &used)
            let years = yearsExperience(seniority, &rng)
            c.kind = "individual"
            c.fullName = "\(first) \(last)"
            c.email = "\(slug(first)).\(slug(last)).\(index + 1)@example.net"
            c.githubHandle = handle
            c.timeZone = rng.pick(country.zones)
            c.seniority = seniority.rawValue
            c.yearsExperience = years
            c.hourlyRateCents = rateCents(band: band(seniority), category, country, &rng)
            c.hoursPerWeek = rng.weighted([(20, 25), (30, 15), (40, 60)])
            c.engagementPreferences = engagementPreferences(&rng)
            c.headline = "\(seniorityWord(seniority)) \(track.noun) — \(track.focus)"
            c.bio = bio(track, seniority, years: years, rng: &rng)
            c.links = ["https://github.com/\(handle)"]
            c.skills = skills(track, seniority, handle: handle, vetted: vetted, rng: &rng)
            let hours = workingHours(country, &rng)
            c.workStart = hours.start
            c.workEnd = hours.end
        }
        return (c, category)
    }

    /// 5–12 skills: python, the track's core, then category and fundamentals skills.
    static func skills(_ track: DemoTrack, _ seniority: Seniority, handle: String?, vetted: Bool, rng: inout SeededGenerator) -> [SkillInput] {
        let target: Int
        switch seniority {
        case .junior: target = rng.int(5...8)
        case .mid: target = rng.int(6...10)
        case .senior: target = rng.int(7...12)
        case .lead: target = rng.int(8...12)
        }
        var ids = ["python"] + track.core
        if rng.percent(25) {
            let otherCategory = rng.pick(RoleCategory.allCases.filter { $0 != track.category })
            let extra = rng.pick(skillPool(otherCategory))
            if !ids.contains(extra) { ids.append(extra) }
        }
        let fromCategory = rng.shuffled(skillPool(track.category))
        let fromBasics = rng.shuffled(fundamentals)
        var (i, j) = (0, 0)
        while ids.count < min(12, target), i < fromCategory.count || j < fromBasics.count {
            let next: String
            if (ids.count % 2 == 0 && i < fromCategory.count) || j >= fromBasics.count {
                next = fromCategory[i]; i += 1
            } else {
                next = fromBasics[j]; j += 1
            }
            if !ids.contains(next) { ids.append(next) }
        }
        let base: Int
        switch seniority {
        case .junior: base = 2
        case .mid: base = 3
        case .senior, .lead: base = 4
        }
        var result: [SkillInput] = []
        for (position, id) in ids.enumerated() {
            var level = base + rng.int(-1...1)
            if id == "python" {
                level = base + rng.int(0...1)
            } else if position > track.core.count {
                level -= rng.int(0...1)
            }
            level = min(5, max(1, level))
            let roll = rng.int(0...99)
            if (id == "python" && vetted) || roll < 5 {
                let score = min(99, 55 + level * 7 + rng.int(0...8))
                result.append(SkillInput(skillId: id, level: level, evidence: "assessment", detail: "Assessment score \(score)/100"))
            } else if let handle, roll < 20 {
                let manifest = rng.pick(["requirements.txt", "pyproject.toml"])
                let file = evidenceFiles[id] ?? manifest
                let repo = rng.pick(track.repos)
                result.append(SkillInput(skillId: id, level: level, evidence: "repository", detail: "github.com/\(handle)/\(repo): \(file)"))
            } else {
                result.append(SkillInput(skillId: id, level: level, evidence: "claimed"))
            }
        }
        return result
    }

    // MARK: - Small helpers

    static func band(_ seniority: Seniority) -> ClosedRange<Int> {
        switch seniority {
        case .junior: 1500...3000
        case .mid: 3000...6000
        case .senior: 6000...12000
        case .lead: 9000...14000
        }
    }

    /// A rate in the band (AI/ML toward the top), scaled by region, rounded to $5.
    static func rateCents(band: ClosedRange<Int>, _ category: RoleCategory, _ country: DemoCountry, _ rng: inout SeededGenerator) -> Int {
        var permille = rng.int(0...1000)
        if category == .aiML { permille = 450 + permille * 55 / 100 }
        let offshore = band.lowerBound + (band.upperBound - band.lowerBound) * permille / 1000
        let cents = offshore * rng.int(country.rateMultiplier) / 100
        return max(500, (cents + 250) / 500 * 500)
    }

    static func yearsExperience(_ seniority: Seniority, _ rng: inout SeededGenerator) -> Int {
        switch seniority {
        case .junior: rng.int(0...2)
        case .mid: rng.int(2...5)
        case .senior: rng.int(5...10)
        case .lead: rng.int(8...16)
        }
    }

    /// Mostly a standard day; some in Asian zones shift late to overlap with Europe and the US.
    static func workingHours(_ country: DemoCountry, _ rng: inout SeededGenerator) -> (start: String, end: String) {
        let start: Int
        if ["IN", "PK", "PH", "VN"].contains(country.code), rng.percent(20) {
            start = rng.int(12...14)
        } else {
            start = rng.weighted([(8, 25), (9, 40), (10, 25), (7, 5), (11, 5)])
        }
        return ("\(pad2(start)):00", "\(pad2(start + 8)):00")
    }

    static func engagementPreferences(_ rng: inout SeededGenerator) -> [String] {
        var chosen: [String] = []
        for (model, odds) in [("freelancer", 55), ("dedicated", 50), ("in-house", 20), ("project", 45)] {
            if rng.percent(odds) { chosen.append(model) }
        }
        return chosen.isEmpty ? [rng.pick(["freelancer", "dedicated", "project"])] : chosen
    }

    static func englishLevel(_ country: DemoCountry, _ rng: inout SeededGenerator) -> String {
        switch country.englishTier {
        case 2: "native"
        case 1: rng.weighted([("conversational", 15), ("professional", 70), ("native", 15)])
        default: rng.weighted([("conversational", 30), ("professional", 67), ("native", 3)])
        }
    }

    static func bio(_ track: DemoTrack, _ seniority: Seniority, years: Int, rng: inout SeededGenerator) -> String {
        let span = years == 0 ? "less than a year" : years == 1 ? "one year" : "\(years) years"
        var text: String
        switch rng.int(0...2) {
        case 0: text = "Python developer with \(span) of experience in \(track.work)."
        case 1: text = "Has spent \(span) building \(track.work) in Python."
        default: text = "\(span.prefix(1).uppercased() + span.dropFirst()) of professional Python, mostly \(track.work)."
        }
        guard rng.percent(60) else { return text }
        var closers = ["Comfortable with async work and a few hours of daily overlap.", "Writes tests first and keeps pull requests small.",
                       "Prefers long-term engagements with a stable team.", "Enjoys turning vague requirements into shipped features."]
        switch seniority {
        case .junior: closers.append("Contributes to open-source Python projects in spare time.")
        case .mid: break
        case .senior, .lead: closers += ["Has mentored junior developers and run code reviews.", "Has led small teams from architecture to delivery."]
        }
        text += " " + rng.pick(closers)
        return text
    }

    static func githubHandle(first: String, last: String, category: RoleCategory, rng: inout SeededGenerator, used: inout Set<String>) -> String {
        let f = slug(first).isEmpty ? "dev" : String(slug(first).prefix(15))
        let l = slug(last).isEmpty ? "py" : String(slug(last).prefix(15))
        var handle: String
        switch rng.int(0...4) {
        case 0: handle = f + l
        case 1: handle = f + "-" + l
        case 2: handle = String(f.prefix(1)) + l
        case 3: handle = f + l + String(rng.int(10...99))
        default:
            let tag: String = switch category {
            case .aiML: rng.pick(["ml", "ai"])
            case .dataScience: "data"
            case .backend: rng.pick(["dev", "py"])
            }
            handle = f + "-" + tag
        }
        while !used.insert("github:" + handle).inserted {
            handle += String(rng.int(0...9))
        }
        // A suffix no real account is likely to have: demo profiles must not link to real people.
        return handle + "-demo"
    }

    static func partnerName(_ country: DemoCountry, _ category: RoleCategory, index: Int, rng: inout SeededGenerator, used: inout Set<String>) -> String {
        let suffixes = partnerSuffixes[category] ?? ["Python Labs"]
        for _ in 0..<8 {
            let name = "\(rng.pick(country.cities)) \(rng.pick(suffixes))"
            if used.insert("partner:" + name).inserted { return name }
        }
        return "\(rng.pick(country.cities)) \(rng.pick(suffixes)) \(index + 1)"
    }

    static func categoryPhrase(_ category: RoleCategory) -> String {
        switch category {
        case .aiML: "AI/ML"
        case .dataScience: "Data"
        case .backend: "Backend"
        }
    }

    static func seniorityWord(_ seniority: Seniority) -> String {
        switch seniority {
        case .junior: "Junior"
        case .mid: "Mid-level"
        case .senior: "Senior"
        case .lead: "Lead"
        }
    }

    /// A day between 2026-12-01 (offset 0) and 2027-04-30 (offset 150), as YYYY-MM-DD.
    static func availableDate(dayOffset: Int) -> String {
        var day = dayOffset
        for (year, month, length) in [(2026, 12, 31), (2027, 1, 31), (2027, 2, 28), (2027, 3, 31), (2027, 4, 30)] {
            if day < length { return "\(year)-\(pad2(month))-\(pad2(day + 1))" }
            day -= length
        }
        return "2027-04-30"
    }

    static func pad2(_ n: Int) -> String {
        n < 10 ? "0\(n)" : "\(n)"
    }

    /// Letters and digits only, accents folded ("Wójcik" → "wojcik", "O'Brien" → "obrien").
    static func slug(_ text: String) -> String {
        var out = ""
        for ch in text.lowercased() {
            if let ascii = foldings[ch] {
                out += ascii
            } else if ch.isASCII, ch.isLetter || ch.isNumber {
                out.append(ch)
            }
        }
        return out
    }

    static let foldings: [Character: String] = {
        var map: [Character: String] = ["ß": "ss", "ł": "l", "đ": "d"]
        let groups = [("àáâãäåąă", "a"), ("çćč", "c"), ("èéêëęě", "e"), ("ìíîïı", "i"), ("ñń", "n"),
                      ("òóôõöő", "o"), ("śșşš", "s"), ("țţ", "t"), ("ùúûüů", "u"), ("ýÿ", "y"), ("żźž", "z")]
        for (letters, ascii) in groups {
            for ch in letters { map[ch] = ascii }
        }
        return map
    }()
}
