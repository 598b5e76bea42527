#pragma once

// A fixed-capacity ring of values in insertion order: the bounded storage behind every metrics
// series. Memory grows with use up to the capacity, never beyond.
#include <QtGlobal>

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
    T &operator[](qsizetype i) { return m_data[std::size_t((m_head + i) % m_capacity)]; }
    const T &operator[](qsizetype i) const
    {
        return m_data[std::size_t((m_head + i) % m_capacity)];
    }
    const T &front() const { return (*this)[0]; }
    const T &back() const { return (*this)[m_size - 1]; }
    T &back() { return (*this)[m_size - 1]; }

    // Appends; the caller makes room first (popFront) when the ring is full.
    void push(const T &value)
    {
        Q_ASSERT(m_size < m_capacity);
        // The whole ring is allocated with its first element: the cost per series is fixed
        // and known (docs/metrics.md), and indexing stays a plain modulo.
        if (m_data.empty())
            m_data.resize(std::size_t(m_capacity));
        (*this)[m_size] = value;
        ++m_size;
    }
    T popFront()
    {
        Q_ASSERT(m_size > 0);
        T value = front();
        m_head = (m_head + 1) % m_capacity;
        --m_size;
        return value;
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
    // Bytes held by the storage: 0 before the first element, capacity × sizeof(T) after.
    qsizetype bytes() const { return qsizetype(m_data.capacity() * sizeof(T)); }

private:
    std::vector<T> m_data;
    qsizetype m_capacity = 0;
    qsizetype m_head = 0;
    qsizetype m_size = 0;
};
