import Foundation

/// JSON Schemas of the API's bodies.
enum OpenAPISchemas {
    private static func object(_ properties: [String: Any], required: [String] = []) -> [String: Any] {
        var schema: [String: Any] = ["type": "object", "properties": properties]
        if !required.isEmpty { schema["required"] = required }
        return schema
    }
    nonisolated(unsafe) private static let string: [String: Any] = ["type": "string"]
    nonisolated(unsafe) private static let nullableString: [String: Any] = ["type": ["string", "null"]]
    nonisolated(unsafe) private static let integer: [String: Any] = ["type": "integer"]
    nonisolated(unsafe) private static let nullableInteger: [String: Any] = ["type": ["integer", "null"]]
    nonisolated(unsafe) private static let strings: [String: Any] = ["type": "array", "items": ["type": "string"]]
    nonisolated(unsafe) private static let uuid: [String: Any] = ["type": "string", "format": "uuid"]
    nonisolated(unsafe) private static let dateTime: [String: Any] = ["type": "string", "format": "date-time"]
    private static func ref(_ name: String) -> [String: Any] { ["$ref": "#/components/schemas/\(name)"] }
    private static func list(_ item: String) -> [String: Any] {
        object(["items": ["type": "array", "items": ref(item)], "page": integer, "perPage": integer, "total": integer], required: ["items", "page", "perPage", "total"])
    }

    nonisolated(unsafe) private static let roleFields: [String: Any] = [
        "title": string, "category": ["type": "string", "enum": ["ai-ml", "data-science", "backend"]], "specialties": strings,
        "summary": string, "features": strings, "integrations": strings, "deliverables": string,
        "ipOwnership": ["type": ["string", "null"], "enum": ["client", "shared", "developer", NSNullMarker.value]],
        "startDate": ["type": ["string", "null"], "format": "date"], "durationWeeks": nullableInteger, "hoursPerWeek": nullableInteger,
        "workStart": ["type": "string", "pattern": "^[0-2][0-9]:[0-5][0-9]$"], "workEnd": ["type": "string", "pattern": "^[0-2][0-9]:[0-5][0-9]$"],
        "timeZone": ["type": "string", "description": "IANA zone, e.g. Europe/Berlin"], "overlapHours": nullableInteger,
        "budgetHourlyCents": nullableInteger, "budgetTotalCents": nullableInteger, "currency": string,
        "seniority": ["type": "string", "enum": ["junior", "mid", "senior", "lead"]],
        "status": ["type": "string", "enum": ["draft", "open", "on-hold", "filled", "closed"]],
    ]

    nonisolated(unsafe) private static let candidateFields: [String: Any] = [
        "kind": ["type": "string", "enum": ["individual", "partner"]], "fullName": string, "headline": nullableString,
        "email": nullableString, "phone": nullableString, "githubHandle": nullableString, "country": nullableString,
        "timeZone": string, "workStart": string, "workEnd": string, "seniority": string, "yearsExperience": integer,
        "hourlyRateCents": nullableInteger, "currency": string, "availableFrom": ["type": ["string", "null"], "format": "date"],
        "hoursPerWeek": nullableInteger, "engagementPreferences": strings, "englishLevel": nullableString, "links": strings,
        "bio": string, "vettingStatus": ["type": "string", "enum": ["unvetted", "in-review", "vetted", "rejected"]],
        "domains": strings, "repositories": strings, "teamSize": nullableInteger, "processes": nullableString, "communication": nullableString,
        "caseStudies": ["type": "array", "items": object(["title": string, "summary": string, "url": nullableString, "domain": nullableString], required: ["title"])],
    ]

    nonisolated(unsafe) private static let skill: [String: Any] = object([
        "skillId": string, "level": ["type": "integer", "minimum": 1, "maximum": 5],
        "evidence": ["type": "string", "enum": ["claimed", "repository", "assessment", "trial"]], "detail": nullableString,
    ], required: ["skillId"])

    nonisolated(unsafe) static let all: [String: Any] = [
        "Error": object(["error": object(["code": string, "message": string, "field": nullableString,
                                          "details": ["type": "array", "items": object(["field": string, "message": string])]],
                                         required: ["code", "message"])], required: ["error"]),
        "Me": object(["userId": uuid, "email": string, "name": string, "organizationId": uuid, "organizationName": string, "organizationKind": string, "memberRole": string]),
        "Organization": object(["id": uuid, "name": string, "kind": string, "version": integer]),
        "OrganizationInput": object(["name": string, "kind": string, "version": integer]),
        "OrganizationList": list("Organization"),
        "User": object(["id": uuid, "email": string, "name": string, "isActive": ["type": "boolean"], "memberRole": nullableString, "organizationId": nullableString, "version": integer]),
        "UserInput": object(["email": string, "name": string, "password": ["type": "string", "minLength": 10],
                             "memberRole": ["type": "string", "enum": ["admin", "talent-partner", "hiring-manager", "interviewer"]], "organizationId": uuid],
                            required: ["email", "name", "password", "memberRole"]),
        "UserUpdate": object(["name": string, "memberRole": string, "isActive": ["type": "boolean"], "version": integer], required: ["version"]),
        "UserList": list("User"),
        "Role": object(roleFields.merging(["id": uuid, "organizationId": uuid, "version": integer, "createdAt": dateTime, "updatedAt": dateTime]) { a, _ in a }),
        "RoleInput": object(roleFields.merging(["organizationId": uuid, "version": ["type": "integer", "description": "Required on PATCH: the version you read"]]) { a, _ in a }),
        "RoleList": list("Role"),
        "Skill": skill,
        "Candidate": object(candidateFields.merging(["id": uuid, "version": integer, "skills": ["type": "array", "items": ref("Skill")], "mergedFrom": strings,
                                                     "createdAt": dateTime, "updatedAt": dateTime]) { a, _ in a }),
        "CandidateInput": object(candidateFields.merging(["skills": ["type": "array", "items": ref("Skill")], "version": integer]) { a, _ in a }),
        "CandidateList": list("Candidate"),
        "ImportReport": object(["mode": ["type": "string", "enum": ["valid-rows", "all-or-nothing"]], "committed": ["type": "boolean"],
                                "created": integer, "updated": integer, "skipped": integer, "failed": integer, "notes": strings,
                                "rows": ["type": "array", "items": object(["source": string, "line": nullableInteger,
                                                                           "outcome": ["type": "string", "enum": ["created", "updated", "skipped", "failed"]],
                                                                           "candidateId": uuid, "field": nullableString, "message": nullableString, "warnings": strings])]]),
        "DuplicateGroups": ["type": "array", "items": object(["key": ["type": "string", "enum": ["email", "github", "phone"]], "value": string,
                                                               "candidates": ["type": "array", "items": ref("Candidate")]])],
        "ExclusionInput": object(["candidateId": uuid, "reason": string], required: ["candidateId", "reason"]),
        "Shortlist": object(["roleId": uuid, "asOf": string, "poolSize": integer, "weights": ["type": "object"], "reason": nullableString,
                             "excluded": ["type": "array", "items": object(["candidateId": uuid, "reason": string, "excludedBy": string])],
                             "results": ["type": "array", "items": object([
                                "candidateId": uuid, "fullName": string, "rank": integer, "score": integer, "mustHavesCovered": integer,
                                "factors": ["type": "object", "additionalProperties": object(["value": integer, "weight": integer, "points": integer, "note": string])],
                                "missingMustHaves": strings, "overlapHours": ["type": "number"], "expectedCostCents": nullableInteger, "flags": strings])]]),
        "AnalysisInput": object(["repository": string], required: ["repository"]),
        "AssessmentTasks": ["type": "array", "items": object(["id": string, "title": string, "category": string, "level": string, "timeMinutes": integer, "competencies": strings, "skills": strings, "sampleCases": integer, "rationale": nullableString])],
        "Assessments": ["type": "array", "items": object(["id": uuid, "taskId": string, "taskTitle": string, "status": string, "expiresAt": string, "startedAt": nullableString, "submittedAt": nullableString, "sampleRuns": integer, "grading": nullableString, "score": ["type": ["number", "null"]], "late": ["type": ["boolean", "null"]], "similarSubmissions": nullableInteger])],
        "AssessmentLinkInput": object(["taskId": string, "validDays": integer], required: ["taskId"]),
        "AssessmentLink": object(["id": uuid, "taskId": string, "link": string, "expiresAt": string]),
        "AssessmentResult": object(["assessment": object(["id": uuid, "taskId": string, "taskTitle": string, "status": string, "expiresAt": string, "startedAt": nullableString, "submittedAt": nullableString, "sampleRuns": integer, "grading": nullableString, "score": ["type": ["number", "null"]], "late": ["type": ["boolean", "null"]], "similarSubmissions": nullableInteger]), "report": ["type": ["object", "null"]], "source": nullableString, "rationale": nullableString, "similar": ["type": "array", "items": object(["submissionId": uuid, "candidateId": uuid, "similarity": ["type": "number"], "matches": ["type": "array"]])]]),
        "Job": object(["id": uuid, "kind": string, "subjectId": ["type": ["string", "null"], "format": "uuid"],
                       "status": ["type": "string", "enum": ["queued", "running", "done", "failed"]], "progress": integer, "progressNote": string,
                       "attempts": integer, "error": nullableString, "result": ["type": ["object", "null"]],
                       "createdAt": dateTime, "startedAt": ["type": ["string", "null"], "format": "date-time"], "finishedAt": ["type": ["string", "null"], "format": "date-time"]]),
        "MergeInput": object(["absorbId": uuid, "version": integer], required: ["absorbId"]),
        "Application": object(["id": uuid, "roleId": uuid, "candidateId": uuid, "stage": string, "stageEnteredAt": dateTime,
                               "closedReason": nullableString, "version": integer, "createdAt": dateTime]),
        "ApplicationInput": object(["roleId": uuid, "candidateId": uuid,
                                    "stage": ["type": "string", "enum": ["sourced", "screen", "fundamentals", "project-test", "communication", "paid-trial", "offer", "engaged", "closed"]],
                                    "closedReason": string, "override": string, "version": integer]),
        "StageEvent": object(["fromStage": nullableString, "toStage": string, "reason": nullableString, "override": nullableString,
                              "skipped": ["type": "array", "items": string], "actor": string, "occurredAt": dateTime]),
        "StageEventList": ["type": "array", "items": ["$ref": "#/components/schemas/StageEvent"]],
        "InterviewKit": object(["stage": string, "stageName": string, "competencies": ["type": "array", "items": object([
            "key": string, "name": string, "group": string, "probe": string, "questions": strings])]]),
        "Score": object(["competency": string, "rating": ["type": "integer", "minimum": 1, "maximum": 4], "evidence": string]),
        "ScorecardInput": object(["stage": string, "recommendation": ["type": "string", "enum": ["strong-no", "no", "yes", "strong-yes"]],
                                  "ratings": ["type": "object", "additionalProperties": ["type": "integer", "minimum": 1, "maximum": 4]],
                                  "evidence": ["type": "object", "additionalProperties": string], "notes": string],
                                 required: ["stage", "recommendation", "ratings", "evidence"]),
        "Scorecard": object(["id": uuid, "applicationId": uuid, "stage": string, "reviewer": string, "recommendation": string,
                             "scores": ["type": "array", "items": ref("Score")], "meanRating": ["type": "number"], "notes": string,
                             "blind": ["type": "boolean"], "submittedAt": dateTime]),
        "PanelDecision": object(["voices": ["type": "array", "items": object(["reviewer": string, "stage": string, "recommendation": string,
                                                                          "meanRating": ["type": "number"], "calibratedRating": ["type": "number"]])],
                                 "competencies": ["type": "array", "items": object(["competency": string, "mean": ["type": "number"], "count": integer, "spread": integer])],
                                 "yes": integer, "no": integer, "meanRecommendation": ["type": "number"], "calibratedMeanRating": ["type": "number"],
                                 "verdict": ["type": "string", "enum": ["advance", "hold", "reject", "no-scores"]], "disagreements": strings]),
        "Panel": object(["applicationId": uuid, "candidate": ["type": "string", "description": "an alias in blind review"], "blind": ["type": "boolean"],
                         "stages": ["type": "array", "items": object(["stage": string, "name": string, "reached": ["type": "boolean"], "submitted": integer,
                                                                      "submittedByYou": ["type": "boolean"], "revealedToYou": ["type": "boolean"], "visible": ["type": "boolean"],
                                                                      "scorecards": ["type": "array", "items": ref("Scorecard")], "decision": ref("PanelDecision")])],
                         "decision": ref("PanelDecision")]),
        "Calibration": ["type": "array", "items": object(["reviewer": string, "scorecards": integer, "shared": integer,
                                                          "leniency": ["type": ["number", "null"]], "agreementRate": ["type": ["number", "null"]]])],
        "OfferTerms": object(["pricing": ["type": "string", "enum": ["hourly", "monthly"]], "amountCents": integer, "currency": string, "hoursPerWeek": integer,
                              "workingHours": string, "overlapHours": ["type": "number"], "channels": strings, "reportsTo": string,
                              "startsOn": ["type": "string", "format": "date"]]),
        "OfferInput": object(["pricing": ["type": "string", "enum": ["hourly", "monthly"]], "amountCents": integer, "currency": string, "hoursPerWeek": integer,
                              "workingHours": string, "overlapHours": ["type": "number"], "channels": strings, "reportsTo": string,
                              "startsOn": ["type": "string", "format": "date"]],
                             required: ["pricing", "amountCents", "currency", "hoursPerWeek", "workingHours", "channels", "reportsTo", "startsOn"]),
        "Offer": object(["id": uuid, "applicationId": uuid,
                         "status": ["type": "string", "enum": ["awaiting-approval", "sent", "expired", "accepted", "declined", "withdrawn"]],
                         "terms": ref("OfferTerms"), "monthlyCents": integer, "budgetMonthlyCents": nullableInteger, "overBudget": ["type": "boolean"],
                         "createdBy": string, "approvedBy": nullableString, "approvedAt": ["type": ["string", "null"], "format": "date-time"],
                         "expiresAt": ["type": ["string", "null"], "format": "date-time"], "respondedAt": ["type": ["string", "null"], "format": "date-time"],
                         "declineReason": nullableString, "createdAt": dateTime]),
        "OfferList": ["type": "array", "items": ref("Offer")],
        "OfferApproval": object(["validDays": ["type": "integer", "minimum": 1, "maximum": 30]]),
        "OfferApproved": object(["offer": ref("Offer"), "link": ["type": "string", "format": "uri"]]),
        "EngagementList": ["type": "array", "items": object(["id": uuid, "applicationId": uuid, "offerId": uuid, "candidateId": uuid, "roleId": uuid,
                                                             "terms": ref("OfferTerms"), "startsOn": ["type": "string", "format": "date"], "status": string, "createdAt": dateTime])],
        "SlotList": ["type": "array", "items": object(["start": dateTime, "end": dateTime, "team": string, "candidate": string])],
        "InterviewInput": object(["stage": string, "interviewerId": uuid, "start": ["type": "string", "description": "ISO 8601 with an offset, or local time in the role's zone"],
                                  "minutes": integer, "location": string], required: ["stage", "interviewerId", "start"]),
        "InterviewReschedule": object(["start": string, "reason": string], required: ["start", "reason"]),
        "InterviewCancel": object(["reason": string], required: ["reason"]),
        "Interview": object(["id": uuid, "applicationId": uuid, "stage": string, "interviewer": string, "start": dateTime, "end": dateTime,
                             "teamTime": string, "candidateTime": string, "location": string, "status": ["type": "string", "enum": ["scheduled", "cancelled"]],
                             "sequence": integer, "history": ["type": "array", "items": object(["kind": string, "fromStart": ["type": ["string", "null"]], "toStart": ["type": ["string", "null"]],
                                                                                                "reason": string, "actor": string, "occurredAt": dateTime])]]),
        "InterviewList": ["type": "array", "items": ref("Interview")],
        "ApplicationList": list("Application"),
        "AuditEvent": object(["id": uuid, "occurredAt": dateTime, "actor": string, "action": string, "entityType": string, "entityId": uuid,
                              "summary": string, "changes": ["type": "array", "items": object(["field": string, "before": nullableString, "after": nullableString])]]),
        "AuditEventList": list("AuditEvent"),
        "ChecklistItem": object(["id": string, "name": string, "reason": string]),
        "RateCardSettings": object([
            "junior": object(["lowCents": integer, "highCents": integer]), "mid": object(["lowCents": integer, "highCents": integer]),
            "senior": object(["lowCents": integer, "highCents": integer]),
            "expectedAIML": integer, "expectedDataScience": integer, "expectedBackend": integer, "complexityBasic": integer, "complexityComplex": integer,
            "modelFreelancer": integer, "modelProject": integer, "modelInHouse": integer, "inHouseOverhead": integer, "recruitingFee": integer, "weeksToHire": integer]),
        "RateCard": object(["version": integer, "settings": ref("RateCardSettings"),
                            "history": ["type": "array", "items": object(["version": integer, "savedBy": string, "savedAt": dateTime])]]),
        "RateCardInput": object(["version": integer, "settings": ref("RateCardSettings")], required: ["version", "settings"]),
        "RoleChecklist": object(["mustHave": ["type": "array", "items": object(["skillId": string, "name": string, "reason": string])],
                                 "niceToHave": ["type": "array", "items": object(["skillId": string, "name": string, "reason": string])]]),
        "RoleChecklistInput": object(["mustHave": ["type": "array", "items": object(["skillId": string, "reason": string], required: ["skillId"])],
                                      "niceToHave": ["type": "array", "items": object(["skillId": string, "reason": string], required: ["skillId"])]]),
        "Checklist": object(["mustHave": ["type": "array", "items": ref("ChecklistItem")], "niceToHave": ["type": "array", "items": ref("ChecklistItem")],
                             "flags": strings, "missing": strings,
                             "classification": ["type": ["object", "null"], "properties": ["category": nullableString, "scores": ["type": "object"], "spans": strings,
                                                "evidence": ["type": "array", "items": object(["word": string, "category": string, "weight": integer])]]]]),
        "ChecklistInput": object(["category": string, "specialties": strings, "integrations": strings, "brief": string, "seniority": string]),
        "Band": object(["low": integer, "expected": integer, "high": integer], required: ["low", "expected", "high"]),
        "Estimate": object(["currency": string, "hours": integer, "hourlyCents": ref("Band"), "totalCents": ref("Band"), "sources": strings]),
        "EstimateInput": object(["category": string, "level": string, "location": ["type": "string", "enum": ["offshore", "nearshore", "local", "hybrid"]],
                                 "hoursPerWeek": integer, "weeks": integer, "complexity": string, "model": string, "localSharePercent": integer, "region": string],
                                required: ["category", "level", "location", "hoursPerWeek", "weeks"]),
        "OverlapInput": object(["a": string, "b": string, "on": ["type": "string", "format": "date"], "from": ["type": "string", "format": "date"], "to": ["type": "string", "format": "date"]], required: ["a", "b"]),
        "Overlap": ["oneOf": [object(["date": string, "hours": ["type": "number"], "intervals": ["type": "array", "items": object(["start": dateTime, "end": dateTime])]]),
                              object(["days": ["type": "array", "items": object(["date": string, "hours": ["type": "number"]])],
                                      "weeks": ["type": "array", "items": object(["weekStart": string, "hours": ["type": "number"]])], "totalHours": ["type": "number"]])]],
        "AdvisedOption": object(["option": string, "score": integer, "timeToStart": nullableString,
                                 "factors": ["type": "array", "items": object(["factor": string, "points": integer, "why": string])]]),
        "Advice": object(["engagement": ["type": "array", "items": ref("AdvisedOption")], "location": ["type": "array", "items": ref("AdvisedOption")],
                          "fullTime": ["type": "boolean"], "budgetClass": string]),
        "RolePlan": object(["roleId": uuid, "checklist": ref("Checklist"), "estimates": ["type": "object", "additionalProperties": ref("Estimate")], "advice": ref("Advice")]),
    ]
}

/// JSONSerialization writes NSNull as `null` inside an enum list.
enum NSNullMarker {
    nonisolated(unsafe) static let value: Any = NSNull()
}
