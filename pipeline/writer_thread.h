// WriterThread: one thread that runs submitted jobs one at a time, in
// order, at a lower CPU priority than the rest of the process.
//
// The server's ingest (cleaning, clustering, brief building, SQLite
// writes) is CPU-bound and can take a core for seconds; reads take
// microseconds. Running the ingest here, niced, lets the scheduler give
// the cores to read requests first, so reads do not queue behind an
// ingest for CPU any more than they queue behind it for the database
// (WAL: they never do).
//
// Thread-safe: Run() may be called from any thread; jobs never overlap.
#ifndef STORYFUSE_PIPELINE_WRITER_THREAD_H_
#define STORYFUSE_PIPELINE_WRITER_THREAD_H_

#include <condition_variable>
#include <deque>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <thread>

namespace storyfuse {

class WriterThread {
 public:
  // `nice_increment` is added to the thread's nice value (Linux: a
  // per-thread priority); 0 keeps the process's priority. Failing to lower
  // the priority is not an error (the jobs still run).
  explicit WriterThread(int nice_increment = kDefaultNiceIncrement);
  // Finishes the queued jobs, then joins the thread.
  ~WriterThread();
  WriterThread(const WriterThread&) = delete;
  WriterThread& operator=(const WriterThread&) = delete;

  static constexpr int kDefaultNiceIncrement = 10;

  // Runs `fn` on the writer thread and waits for it; returns its result
  // (an exception it throws is rethrown here).
  template <typename F>
  auto Run(F fn) -> decltype(fn()) {
    auto task = std::make_shared<std::packaged_task<decltype(fn())()>>(std::move(fn));
    auto result = task->get_future();
    Post([task] { (*task)(); });
    return result.get();
  }

 private:
  void Post(std::function<void()> job);
  void Loop(int nice_increment);

  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<std::function<void()>> jobs_;  // guarded by mu_
  bool stopping_ = false;                   // guarded by mu_
  std::thread thread_;
};

}  // namespace storyfuse

#endif  // STORYFUSE_PIPELINE_WRITER_THREAD_H_
