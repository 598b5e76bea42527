#pragma once

// A bounded ring of values in insertion order: the storage behind every metrics series. Its
// memory grows with use (doubling) up to the capacity and never beyond; compact() gives back
// what a shorter limit no longer needs.
#include <QtGlobal>

#include <algorithm>
#include <vector>

template<typename T>
class RingBuffer final
{
public:
    explicit RingBuffer(qsizetype capacity = 0)
        : m_capacity(capacity)
    {}

    qsizetype capacity() const { return m_capacity; }
    qsizetype size() const { return m_size; }
    bool isEmpty() const { return m_size == 0; }
    bool isFull() const { return m_size == m_capacity; }

    // Logical index: 0 is the oldest element.
    T &operator[](qsizetype i) { return m_data[slot(i)]; }
    const T &operator[](qsizetype i) const { return m_data[slot(i)]; }
    const T &front() const { return (*this)[0]; }
    const T &back() const { return (*this)[m_size - 1]; }
    T &back() { return (*this)[m_size - 1]; }

    // Appends; the caller makes room first (popFront) when the ring is full.
    void push(const T &value)
    {
        Q_ASSERT(m_size < m_capacity);
        if (m_size == qsizetype(m_data.size()))
            reallocate(std::min(m_capacity, std::max<qsizetype>(4, 2 * m_size)));
        (*this)[m_size] = value;
        ++m_size;
    }
    T popFront()
    {
        Q_ASSERT(m_size > 0);
        T value = front();
        m_head = (m_head + 1) % qsizetype(m_data.size());
        --m_size;
        return value;
    }
    // Gives back storage when it holds more than twice what `keep` elements (at least the
    // current ones) need.
    void compact(qsizetype keep)
    {
        const qsizetype need = std::max(m_size, keep);
        if (qsizetype(m_data.size()) > 2 * std::max<qsizetype>(need, 2))
            reallocate(std::max<qsizetype>(need, 1));
    }
    // First logical index whose element is not less than `key` by `less(element, key)`.
    template<typename K, typename Less>
    qsizetype lowerBound(const K &key, Less less) const
    {
        qsizetype lo = 0, hi = m_size;
        while (lo < hi) {
            const qsizetype mid = (lo + hi) / 2;
            if (less((*this)[mid], key))
                lo = mid + 1;
            else
                hi = mid;
        }
        return lo;
    }
    // Bytes held by the storage: what was allocated so far, at most capacity × sizeof(T).
    qsizetype bytes() const { return qsizetype(m_data.capacity() * sizeof(T)); }

private:
    std::size_t slot(qsizetype i) const
    {
        return std::size_t((m_head + i) % qsizetype(m_data.size()));
    }
    // Moves the elements, oldest first, into storage for `count` elements.
    void reallocate(qsizetype count)
    {
        std::vector<T> next;
        next.reserve(std::size_t(count));
        for (qsizetype i = 0; i < m_size; ++i)
            next.push_back((*this)[i]);
        next.resize(std::size_t(count));
        m_data.swap(next);
        m_head = 0;
    }

    std::vector<T> m_data;
    qsizetype m_capacity = 0;
    qsizetype m_head = 0;
    qsizetype m_size = 0;
};
