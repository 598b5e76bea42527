#pragma once

// Work on the thread pool whose result comes back to an object's own thread.
#include <QFutureWatcher>
#include <QObject>
#include <QtConcurrent/QtConcurrentRun>

#include <type_traits>
#include <utility>

namespace kube {

// Runs `work()` on the global thread pool and then `done(result)` on `context`'s thread; never
// if `context` is gone by then. The result travels through a QFutureWatcher owned by `context`,
// not QFuture::then(context, …): in Qt 6.4 a continuation attached while the work is finishing
// can run twice, the second time with a moved-from promise (a SIGSEGV in
// QFutureInterfaceBase::reportStarted, seen in tst_watch_burst under load).
template<typename Work, typename Done>
void runOffThread(QObject *context, Work work, Done done)
{
    using Result = std::invoke_result_t<Work>;
    auto *watcher = new QFutureWatcher<Result>(context);
    QObject::connect(watcher, &QFutureWatcherBase::finished, context,
                     [watcher, done = std::move(done)]() mutable {
                         watcher->deleteLater();
                         done(watcher->future().takeResult());
                     });
    watcher->setFuture(QtConcurrent::run(std::move(work)));
}

} // namespace kube
