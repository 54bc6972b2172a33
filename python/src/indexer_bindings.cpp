// nsearch.Indexer: building and updating a database from Python.
//
// Each call opens the database for writing, as one `nindex` command does, and commits and closes
// it before returning: a notebook does not keep the writer's lock between cells.
#include <pybind11/stl.h>
#include <pybind11/stl/filesystem.h>

#include <chrono>
#include <condition_variable>
#include <exception>
#include <filesystem>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "bindings.hpp"
#include "nsearch/error.hpp"
#include "nsearch/indexer.hpp"

namespace nsearch::python {
namespace {

std::chrono::milliseconds wait_time(double seconds) {
  return std::chrono::milliseconds(static_cast<long long>(seconds * 1000));
}

// Warnings from the reading threads, kept for the summary.
class DiagnosticList {
 public:
  void add(const Diagnostic& d) {
    const std::lock_guard lock(mutex_);
    diagnostics_.push_back(d);
  }
  py::list to_list() const {
    const std::lock_guard lock(mutex_);
    py::list list;
    for (const Diagnostic& d : diagnostics_) {
      py::dict item;
      item["location"] = text(d.location);
      item["message"] = text(d.message);
      list.append(item);
    }
    return list;
  }

 private:
  mutable std::mutex mutex_;
  std::vector<Diagnostic> diagnostics_;
};

// What may stop a run from Python: an exception from the progress callback, which is called on
// the indexer's reading thread, and Ctrl-C, which Python delivers to the main thread only. Either
// stops the run (what was indexed is committed) and is raised by add() afterwards.
class RunControl {
 public:
  explicit RunControl(py::object progress)
      : progress_(std::move(progress)), has_progress_(!progress_.is_none()) {}
  RunControl(const RunControl&) = delete;
  RunControl& operator=(const RunControl&) = delete;

  void attach(Indexer* indexer) { indexer_ = indexer; }

  /// IndexOptions::on_progress: from the indexer's threads, without the GIL.
  void progress(const IndexProgress& progress) {
    if (!has_progress_) return;
    const py::gil_scoped_acquire gil;
    if (failure_) return;
    try {
      progress_(progress);
    } catch (const py::error_already_set&) {
      stop(std::current_exception());
    }
  }

  /// From the thread that called add(), without the GIL: runs Python's signal handlers when it
  /// is the main thread (KeyboardInterrupt for Ctrl-C).
  void check_signals() {
    const py::gil_scoped_acquire gil;
    if (!failure_ && PyErr_CheckSignals() != 0)
      stop(std::make_exception_ptr(py::error_already_set()));
  }

  /// Raises what stopped the run, if anything. With the GIL held.
  void raise_failure() const {
    if (failure_) std::rethrow_exception(failure_);
  }

 private:
  void stop(std::exception_ptr failure) {
    failure_ = std::move(failure);
    if (indexer_ != nullptr) indexer_->request_stop();
  }

  py::object progress_;
  bool has_progress_;
  Indexer* indexer_ = nullptr;
  std::exception_ptr failure_;  // written and read with the GIL held
};

// Runs `work` on a thread of its own while the calling thread checks for signals every 100 ms,
// then rethrows what `work` threw. Called without the GIL.
void run_watched(const std::function<void()>& work, RunControl& control) {
  std::mutex mutex;
  std::condition_variable finished;
  bool done = false;
  std::exception_ptr error;
  std::jthread runner([&] {
    try {
      work();
    } catch (...) {
      error = std::current_exception();
    }
    const std::lock_guard lock(mutex);
    done = true;
    finished.notify_one();
  });
  std::unique_lock lock(mutex);
  while (!finished.wait_for(lock, std::chrono::milliseconds(100), [&done] { return done; })) {
    lock.unlock();
    control.check_signals();
    lock.lock();
  }
  lock.unlock();
  runner.join();
  if (error) std::rethrow_exception(error);
}

py::dict summary_dict(const IndexReport& r, double seconds, const DiagnosticList& warnings) {
  // The keys of `nindex add --json` (but its exit code), and the warnings it prints.
  py::dict d = py::module_::import("json").attr("loads")(report_json(r, seconds));
  d["warnings"] = warnings.to_list();
  return d;
}

// One path (str or os.PathLike) or an iterable of them.
std::vector<std::filesystem::path> path_list(const py::handle& paths) {
  const py::object fspath = py::module_::import("os").attr("fspath");
  if (py::isinstance<py::str>(paths) || py::hasattr(paths, "__fspath__"))
    return {fspath(paths).cast<std::filesystem::path>()};
  std::vector<std::filesystem::path> list;
  for (const py::handle path : paths)
    list.push_back(fspath(path).cast<std::filesystem::path>());
  return list;
}

/// The Python Indexer: a database path; each call is one writing session.
struct IndexerHandle {
  std::filesystem::path path;
};

// Options to open the database (plain or sharded) for writing.
IndexOptions writing_options(const IndexerHandle& handle, double lock_wait_seconds) {
  IndexOptions options;
  options.db_path = handle.path;
  options.lock_wait = wait_time(lock_wait_seconds);
  return options;
}

py::dict add(const IndexerHandle& handle, const py::object& inputs, const std::string& outlet,
             const std::string& lang, unsigned jobs, std::size_t memory_mb, bool force, bool prune,
             bool story_clusters, std::size_t shards, double lock_wait_seconds,
             const py::object& progress) {
  const std::vector<std::filesystem::path> paths = path_list(inputs);
  IndexOptions options = writing_options(handle, lock_wait_seconds);
  options.shards = shards;
  options.default_outlet = outlet;
  options.default_lang = lang;
  options.jobs = jobs;
  options.memory_mb = memory_mb;
  options.force = force;
  options.story_clusters = story_clusters;
  RunControl control(progress);
  options.on_progress = [&control](const IndexProgress& p) { control.progress(p); };
  DiagnosticList warnings;
  IndexReport report;
  const auto start = std::chrono::steady_clock::now();
  {
    const py::gil_scoped_release no_gil;
    Indexer indexer(std::move(options), [&warnings](const Diagnostic& d) { warnings.add(d); });
    control.attach(&indexer);
    run_watched(
        [&] {
          indexer.add(paths);
          if (prune && !indexer.report().stopped) indexer.prune(paths);
        },
        control);
    report = indexer.report();
    control.attach(nullptr);
  }  // commits
  const std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - start;
  control.raise_failure();
  return summary_dict(report, elapsed.count(), warnings);
}

std::size_t remove(const IndexerHandle& handle, const std::vector<std::string>& ids,
                   double lock_wait_seconds) {
  IndexOptions options = writing_options(handle, lock_wait_seconds);
  const py::gil_scoped_release no_gil;
  Indexer indexer(std::move(options), nullptr);
  return indexer.remove(ids);
}

void bind_progress(py::module_& m) {
  py::class_<IndexProgress>(m, "IndexProgress", "Where an Indexer.add() run is.")
      .def_readonly("files_done", &IndexProgress::files_done)
      .def_readonly("files_total", &IndexProgress::files_total)
      .def_readonly("articles", &IndexProgress::articles)
      .def_readonly("text_bytes", &IndexProgress::text_bytes)
      .def_readonly("input_done", &IndexProgress::input_done)
      .def_readonly("input_total", &IndexProgress::input_total)
      .def_readonly("total_known", &IndexProgress::total_known,
                    "input_total is exact (no compressed input)")
      .def_readonly("elapsed_seconds", &IndexProgress::elapsed_seconds)
      .def_property_readonly("current_file",
                             [](const IndexProgress& p) { return text(p.current_file); })
      .def_readonly("finished", &IndexProgress::finished, "the last call of a run")
      .def("__repr__", [](const IndexProgress& p) {
        return "<nsearch.IndexProgress " + std::to_string(p.files_done) + "/" +
               std::to_string(p.files_total) + " files, " + std::to_string(p.articles) +
               " articles>";
      });
}

}  // namespace

void bind_indexer(py::module_& module) {
  bind_progress(module);
  const IndexOptions defaults;
  py::class_<IndexerHandle>(module, "Indexer",
                            "Adds articles to (or removes them from) the database at `path`. "
                            "Each call opens it for writing and commits before it returns; "
                            "indexing releases the GIL.")
      .def(py::init([](std::filesystem::path path) { return IndexerHandle{std::move(path)}; }),
           py::arg("path"), "The database at `path` (created by the first add()).")
      .def_property_readonly("path", [](const IndexerHandle& h) { return h.path; })
      .def("add", &add, py::arg("paths"), py::kw_only(),
           py::arg("outlet") = defaults.default_outlet, py::arg("lang") = defaults.default_lang,
           py::arg("jobs") = defaults.jobs, py::arg("memory_mb") = defaults.memory_mb,
           py::arg("force") = defaults.force, py::arg("prune") = false,
           py::arg("story_clusters") = defaults.story_clusters, py::arg("shards") = defaults.shards,
           py::arg("lock_wait") = 0.0, py::arg("progress") = py::none(),
           "Indexes every supported file under `paths` (files or folders), as `nindex add` does, "
           "and returns its summary: the keys of `nindex add --json` (files, unchanged_files, "
           "articles, added, replaced, unchanged, duplicates, removed, skipped, "
           "skipped_by_reason, bytes, elapsed_seconds, interrupted) and `warnings`, a list of "
           "{'location', 'message'} for the inputs skipped.\n\n"
           "outlet, lang: for articles that name none; jobs: worker threads (0 = all cores); "
           "memory_mb: buffered changes before a commit; force: read unchanged files again; "
           "prune: also remove articles of files under `paths` that no longer exist; "
           "story_clusters: group syndicated copies into stories; shards: create a new "
           "database as that many shards (0: plain, or whatever the database is; as `nindex add "
           "--shards`); lock_wait: seconds to wait for another writer; progress: called with an "
           "IndexProgress every 250 ms and at the "
           "end.\n"
           "An exception from `progress`, or Ctrl-C, stops the run after committing what was "
           "done, and is raised. Raises DatabaseLockedError, StorageFullError, DatabaseError.")
      .def("remove", &remove, py::arg("ids"), py::kw_only(), py::arg("lock_wait") = 0.0,
           "Removes the articles with these ids; returns how many existed.")
      .def(
          "remove",
          [](const IndexerHandle& h, const std::string& id, double lock_wait) {
            return remove(h, {id}, lock_wait);
          },
          py::arg("id"), py::kw_only(), py::arg("lock_wait") = 0.0,
          "Removes the article `id`; returns 1 if it existed, else 0.");
}

}  // namespace nsearch::python
