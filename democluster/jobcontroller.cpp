#include "democluster/jobcontroller.h"

#include "democluster/cronschedule.h"
#include "democluster/podfactory.h"
#include "democluster/simcontext.h"
#include "democluster/simutil.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace demo {

using nlohmann::json;

namespace {

bool hasCondition(const json &object, const std::string &type)
{
    for (const json &c : sim::field(sim::field(object, "status"), "conditions"))
        if (c.value("type", std::string()) == type && c.value("status", std::string()) == "True")
            return true;
    return false;
}

json jobCondition(const std::string &type, const std::string &reason, const std::string &message,
                  const std::string &when)
{
    return {{"type", type},          {"status", "True"},
            {"lastProbeTime", when}, {"lastTransitionTime", when},
            {"reason", reason},      {"message", message}};
}

} // namespace

JobController::JobController(SimContext &context)
    : ctx_(context)
{}

void JobController::reconcile(double now)
{
    syncCronJobs(now);
    syncJobs(now);
}

void JobController::syncJobs(double now)
{
    const auto jobs = ctx_.store.list("batch/jobs");
    if (jobs.items.empty())
        return;
    const std::string when = sim::formatTime(now);
    for (const auto &ptr : jobs.items) {
        const json &job = *ptr;
        if (hasCondition(job, "Complete") || hasCondition(job, "Failed")
            || sim::podIsTerminating(job))
            continue;
        const std::string ns = job["metadata"].value("namespace", std::string());
        const std::string name = job["metadata"].value("name", std::string());
        const std::string uid = job["metadata"].value("uid", std::string());
        const int completions = static_cast<int>(
            sim::integer(job, "/spec/completions"_json_pointer, 1));
        const int parallelism = static_cast<int>(
            sim::integer(job, "/spec/parallelism"_json_pointer, 1));
        const int backoffLimit = static_cast<int>(
            sim::integer(job, "/spec/backoffLimit"_json_pointer, 6));
        const bool suspended = job["spec"].value("suspend", false);
        int active = 0, ready = 0, succeeded = 0, failed = 0;
        // The store's owner index: no walk over every pod of a large cluster.
        for (const auto &p : ctx_.store.ownedBy("pods", uid)) {
            const std::string phase = sim::str(*p, "/status/phase"_json_pointer);
            if (phase == "Succeeded")
                ++succeeded;
            else if (phase == "Failed")
                ++failed;
            else if (!sim::podIsTerminating(*p)) {
                ++active;
                ready += sim::podIsReady(*p) ? 1 : 0;
            }
        }
        std::string finished;
        if (succeeded >= completions)
            finished = "Complete";
        else if (failed > backoffLimit)
            finished = "Failed";
        else if (!suspended && backoff_.due(uid, now)) {
            const int want = std::min(parallelism, completions - succeeded) - active;
            json tmpl = job["spec"].value("template", json::object());
            if (!tmpl["spec"].contains("restartPolicy"))
                tmpl["spec"]["restartPolicy"] = "Never";
            for (int i = 0; i < want; ++i) {
                const std::string podName = name + "-" + ctx_.suffix(5);
                json labels = {{"batch.kubernetes.io/controller-uid", uid},
                               {"batch.kubernetes.io/job-name", name},
                               {"controller-uid", uid},
                               {"job-name", name}};
                try {
                    ctx_.store.create(
                        "pods", PodFactory::fromTemplate(job, tmpl, ns, podName, now, labels));
                    ctx_.events.record(job, "Normal", "SuccessfulCreate", "Created pod: " + podName,
                                       "job-controller", now);
                    ++active;
                    backoff_.succeeded(uid);
                } catch (const ApiError &e) {
                    ctx_.events.record(job, "Warning", "FailedCreate",
                                       std::string("Error creating: ") + e.what(), "job-controller",
                                       now);
                    backoff_.failed(uid, ns, name, now);
                    break;
                }
            }
        }
        if (finished == "Complete")
            ctx_.events.record(job, "Normal", "Completed", "Job completed", "job-controller", now);
        else if (finished == "Failed")
            ctx_.events.record(job, "Warning", "BackoffLimitExceeded",
                               "Job has reached the specified backoff limit", "job-controller",
                               now);
        ctx_.store.modify("batch/jobs", ns, name, [&](json &j) {
            json status = j.value("status", json::object());
            const json before = status;
            if (!status.contains("startTime"))
                status["startTime"] = when;
            status["active"] = finished.empty() ? active : 0;
            status["ready"] = finished.empty() ? ready : 0;
            status["succeeded"] = succeeded;
            status["failed"] = failed;
            status["terminating"] = 0;
            status["uncountedTerminatedPods"] = json::object();
            if (active == 0 && finished.empty())
                status.erase("active");
            if (finished == "Complete") {
                status["completionTime"] = when;
                status["conditions"] = json::array(
                    {jobCondition("SuccessCriteriaMet", "CompletionsReached",
                                  "Reached expected number of succeeded pods", when),
                     jobCondition("Complete", "CompletionsReached",
                                  "Reached expected number of succeeded pods", when)});
            } else if (finished == "Failed") {
                status["conditions"] = json::array(
                    {jobCondition("FailureTarget", "BackoffLimitExceeded",
                                  "Job has reached the specified backoff limit", when),
                     jobCondition("Failed", "BackoffLimitExceeded",
                                  "Job has reached the specified backoff limit", when)});
            }
            if (status == before)
                return false;
            j["status"] = status;
            return true;
        });
    }
}

void JobController::syncCronJobs(double now)
{
    const auto cronJobs = ctx_.store.list("batch/cronjobs");
    if (cronJobs.items.empty())
        return;
    std::map<std::string, std::vector<std::shared_ptr<const json>>> jobsByOwner;
    for (const auto &j : ctx_.store.list("batch/jobs").items)
        jobsByOwner[sim::controllerUid(*j)].push_back(j);
    for (const auto &ptr : cronJobs.items) {
        const json &cj = *ptr;
        if (sim::podIsTerminating(cj))
            continue;
        const std::string ns = cj["metadata"].value("namespace", std::string());
        const std::string name = cj["metadata"].value("name", std::string());
        auto owned = jobsByOwner[sim::str(cj, "/metadata/uid"_json_pointer)];
        std::sort(owned.begin(), owned.end(), [](const auto &a, const auto &b) {
            return sim::str(*a, "/metadata/creationTimestamp"_json_pointer)
                   < sim::str(*b, "/metadata/creationTimestamp"_json_pointer);
        });
        json active = json::array();
        std::vector<std::shared_ptr<const json>> succeeded, failed;
        std::string lastSuccess = sim::str(cj, "/status/lastSuccessfulTime"_json_pointer);
        for (const auto &j : owned) {
            const json ref = {{"kind", "Job"},
                              {"namespace", ns},
                              {"name", (*j)["metadata"]["name"]},
                              {"uid", (*j)["metadata"]["uid"]},
                              {"apiVersion", "batch/v1"}};
            if (hasCondition(*j, "Complete")) {
                succeeded.push_back(j);
                const std::string done = sim::str(*j, "/status/completionTime"_json_pointer);
                if (done > lastSuccess) {
                    lastSuccess = done;
                    ctx_.events.record(cj, "Normal", "SawCompletedJob",
                                       "Saw completed job: " + ref["name"].get<std::string>()
                                           + ", condition: Complete",
                                       "cronjob-controller", now);
                }
            } else if (hasCondition(*j, "Failed")) {
                failed.push_back(j);
            } else {
                active.push_back(ref);
            }
        }
        const auto trim = [&](std::vector<std::shared_ptr<const json>> &list, std::int64_t limit) {
            for (std::size_t i = 0; static_cast<std::int64_t>(list.size() - i) > limit; ++i) {
                const std::string jobName = (*list[i])["metadata"].value("name", std::string());
                try {
                    ctx_.store.remove("batch/jobs", ns, jobName);
                    ctx_.events.record(cj, "Normal", "SuccessfulDelete", "Deleted job " + jobName,
                                       "cronjob-controller", now);
                } catch (const ApiError &) {
                }
            }
        };
        trim(succeeded, sim::integer(cj, "/spec/successfulJobsHistoryLimit"_json_pointer, 3));
        trim(failed, sim::integer(cj, "/spec/failedJobsHistoryLimit"_json_pointer, 1));

        std::string lastSchedule = sim::str(cj, "/status/lastScheduleTime"_json_pointer);
        std::string error;
        const auto schedule = CronSchedule::parse(cj["spec"].value("schedule", std::string()),
                                                  &error);
        if (schedule && !cj["spec"].value("suspend", false)) {
            const double since = sim::parseTime(
                lastSchedule.empty() ? sim::str(cj, "/metadata/creationTimestamp"_json_pointer)
                                     : lastSchedule,
                now);
            // The most recent missed time only, like the real controller.
            double due = 0;
            for (double t = schedule->next(since); t > 0 && t <= now; t = schedule->next(t))
                due = t;
            const std::string policy = cj["spec"].value("concurrencyPolicy", std::string("Allow"));
            if (due > 0 && !(policy == "Forbid" && !active.empty())) {
                if (policy == "Replace") {
                    for (const json &ref : active) {
                        try {
                            ctx_.store.remove("batch/jobs", ns, ref["name"].get<std::string>());
                        } catch (const ApiError &) {
                        }
                    }
                    active = json::array();
                }
                const std::string jobName = name + "-"
                                            + std::to_string(static_cast<long long>(due / 60));
                const json jobTemplate = cj["spec"].value("jobTemplate", json::object());
                json jobMeta = jobTemplate.value("metadata", json::object());
                jobMeta["name"] = jobName;
                jobMeta["namespace"] = ns;
                jobMeta["creationTimestamp"] = sim::formatTime(now);
                jobMeta["ownerReferences"] = json::array({sim::ownerReference(cj)});
                jobMeta["annotations"]["batch.kubernetes.io/cronjob-scheduled-timestamp"] =
                    sim::formatTime(due);
                json job = {{"metadata", jobMeta},
                            {"spec", jobTemplate.value("spec", json::object())}};
                try {
                    const json created = ctx_.store.create("batch/jobs", job);
                    active.push_back({{"kind", "Job"},
                                      {"namespace", ns},
                                      {"name", jobName},
                                      {"uid", created["metadata"]["uid"]},
                                      {"apiVersion", "batch/v1"}});
                    ctx_.events.record(cj, "Normal", "SuccessfulCreate", "Created job " + jobName,
                                       "cronjob-controller", now);
                } catch (const ApiError &) {
                }
                lastSchedule = sim::formatTime(due);
            }
        }
        ctx_.store.modify("batch/cronjobs", ns, name, [&](json &c) {
            json status = c.value("status", json::object());
            const json before = status;
            if (active.empty())
                status.erase("active");
            else
                status["active"] = active;
            if (!lastSchedule.empty())
                status["lastScheduleTime"] = lastSchedule;
            if (!lastSuccess.empty())
                status["lastSuccessfulTime"] = lastSuccess;
            if (status == before)
                return false;
            c["status"] = status;
            return true;
        });
    }
}

} // namespace demo
