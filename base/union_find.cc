#include "base/union_find.h"

#include <numeric>
#include <utility>

namespace storyfuse {

UnionFind::UnionFind(size_t n) : parent_(n) { std::iota(parent_.begin(), parent_.end(), 0u); }

uint32_t UnionFind::Add() {
  parent_.push_back(static_cast<uint32_t>(parent_.size()));
  return parent_.back();
}

uint32_t UnionFind::Find(uint32_t x) {
  while (parent_[x] != x) {
    parent_[x] = parent_[parent_[x]];
    x = parent_[x];
  }
  return x;
}

uint32_t UnionFind::Find(uint32_t x) const {
  while (parent_[x] != x) x = parent_[x];
  return x;
}

uint32_t UnionFind::Union(uint32_t a, uint32_t b) {
  a = Find(a);
  b = Find(b);
  if (a == b) return a;
  if (b < a) std::swap(a, b);
  // The older root survives; trees stay shallow through path halving.
  parent_[b] = a;
  return a;
}

}  // namespace storyfuse
