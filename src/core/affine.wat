;; affine.wat: the hot loop of affine.ts, Z = W·A + b (then ReLU when asked),
;; in WebAssembly text with SIMD. affine.ts's JavaScript loop is the one to read
;; first: this file computes exactly the same numbers, two samples at a time.
;; `npm run build:wasm` turns it into bytes (wabt) and writes affine-wasm.ts;
;; wasm.ts copies W, b and A into this module's memory, calls `affine`, and
;; copies Z out.
;;
;; WHY THE RESULTS ARE BIT-IDENTICAL TO THE JAVASCRIPT LOOP
;;
;; A v128 register holds two float64 numbers (f64x2, two "lanes"). Here the two
;; lanes are always two neighbouring COLUMNS of one row, Z[i][j] and Z[i][j+1]:
;; one neuron, two samples. Each lane then computes exactly the sum JavaScript
;; computes for its entry, in the same order,
;;
;;   Z[i][j] = b[i] + W[i][0]·A[0][j] + W[i][1]·A[1][j] + …   (b first, then k = 0, 1, 2, …)
;;
;; one multiply, then one add, never fused into one rounding: f64x2.mul and
;; f64x2.add round each lane as IEEE 754 says, exactly as JavaScript's * and +
;; do. (Putting k along the lanes, the other way to use SIMD here, would add
;; the terms in another order and change last bits.) Which tile an entry falls
;; in changes nothing: every path below sums in that one order.
;;
;; TILES
;;
;; As in the JavaScript loop, two rows of W (two neurons) are done together so
;; each A value loaded is used twice; and for those two rows, eight columns at a
;; time: 2 rows × 8 columns = eight f64x2 sums, kept in registers while k runs,
;; so each W value loaded (and splatted into both lanes) is used four times.
;; Measured on Node 20 (x64): 2×8 and 4×4 were the fastest tiles; 4×2 and 8×2
;; about 50% slower. After the 2×8 tiles come 2×2 strips (one f64x2 per row),
;; then a last single column with plain f64 sums. An odd last row gets the same
;; three paths with one row ($oneRow): doing it as a pair with a copy of itself
;; would double the cost of a 1-neuron output layer.
;;
;; RELU
;;
;; max(0, z) is written as in JavaScript's reluOf, without a branch:
;; z·(z > 0) + 0. On f64x2, (z > 0) gives each lane all one bits or all zero
;; bits; ANDed with the bits of 1.0 that is 1.0 or 0.0, so z·(z > 0) is z or
;; ±0, and adding 0 turns −0 into 0 (−∞ and NaN give NaN, as in JavaScript).
;; It is written out at each store rather than called: V8 does not inline wasm
;; calls, and a call per sum pushed the eight sums out of their registers
;; (2.6× slower on 2-neuron layers).
;;
;; ADDRESSES
;;
;; Every pointer is a byte address in this module's memory (numbers are 8
;; bytes). W is nOut × nIn, row-major; A has nIn rows `aStride` numbers apart;
;; Z has nOut rows `zStride` numbers apart; b has nOut numbers, and is not read
;; when `hasB` is 0 (then every sum starts from 0, as JavaScript's does for a
;; null b). `relu` is 1 or 0.
(module
  (memory (export "memory") 1)

  ;; Z = W·A + b for all nOut rows: pairs of rows, then the odd last row.
  (func (export "affine")
    (param $W i32) (param $nOut i32) (param $nIn i32) (param $b i32) (param $hasB i32)
    (param $A i32) (param $aStride i32) (param $Z i32) (param $zStride i32)
    (param $cols i32) (param $relu i32)
    (local $i i32)
    (local $w0 i32)                     ;; byte address of W[i][0]
    (local $r0 i32)                     ;; byte address of Z[i][0]
    (local $b0 f64) (local $b1 f64)     ;; b[i], b[i+1] (0 without a bias)
    (block $pairsDone
      (loop $pairs
        (br_if $pairsDone (i32.gt_s (i32.add (local.get $i) (i32.const 2)) (local.get $nOut)))
        (local.set $w0 (i32.add (local.get $W) (i32.shl (i32.mul (local.get $i) (local.get $nIn)) (i32.const 3))))
        (local.set $r0 (i32.add (local.get $Z) (i32.shl (i32.mul (local.get $i) (local.get $zStride)) (i32.const 3))))
        (if (local.get $hasB)
          (then
            (local.set $b0 (f64.load (i32.add (local.get $b) (i32.shl (local.get $i) (i32.const 3)))))
            (local.set $b1 (f64.load offset=8 (i32.add (local.get $b) (i32.shl (local.get $i) (i32.const 3)))))))
        (call $twoRows
          (local.get $w0) (i32.add (local.get $w0) (i32.shl (local.get $nIn) (i32.const 3))) (local.get $nIn)
          (local.get $b0) (local.get $b1)
          (local.get $A) (i32.shl (local.get $aStride) (i32.const 3))
          (local.get $r0) (i32.add (local.get $r0) (i32.shl (local.get $zStride) (i32.const 3)))
          (local.get $cols) (local.get $relu))
        (local.set $i (i32.add (local.get $i) (i32.const 2)))
        (br $pairs)))
    (if (i32.lt_s (local.get $i) (local.get $nOut))
      (then
        (if (local.get $hasB)
          (then (local.set $b0 (f64.load (i32.add (local.get $b) (i32.shl (local.get $i) (i32.const 3)))))))
        (call $oneRow
          (i32.add (local.get $W) (i32.shl (i32.mul (local.get $i) (local.get $nIn)) (i32.const 3))) (local.get $nIn)
          (local.get $b0)
          (local.get $A) (i32.shl (local.get $aStride) (i32.const 3))
          (i32.add (local.get $Z) (i32.shl (i32.mul (local.get $i) (local.get $zStride)) (i32.const 3)))
          (local.get $cols) (local.get $relu)))))

  ;; Two rows of Z: Z[i][·] from W row $w0 and bias $b0, Z[i+1][·] from W row
  ;; $w1 and bias $b1, into the rows at byte addresses $r0 and $r1. $aStep is
  ;; the number of bytes from A[k][j] to A[k+1][j].
  (func $twoRows
    (param $w0 i32) (param $w1 i32) (param $nIn i32) (param $b0 f64) (param $b1 f64)
    (param $A i32) (param $aStep i32) (param $r0 i32) (param $r1 i32)
    (param $cols i32) (param $relu i32)
    (local $j i32) (local $k i32)
    (local $a i32)                      ;; byte address of A[k][j] as k runs
    (local $wk i32)                     ;; byte offset of W[·][k]: 8·k
    (local $x0 v128) (local $x1 v128)   ;; W[i][k] and W[i+1][k], each in both lanes
    (local $a0 v128) (local $a1 v128) (local $a2 v128) (local $a3 v128) ;; A[k][j..j+7], two per register
    (local $z00 v128) (local $z01 v128) (local $z02 v128) (local $z03 v128) ;; Z[i][j..j+7]
    (local $z10 v128) (local $z11 v128) (local $z12 v128) (local $z13 v128) ;; Z[i+1][j..j+7]
    (local $s0 f64) (local $s1 f64)     ;; Z[i][j] and Z[i+1][j] of the last single column

    ;; The 2×8 tile: eight columns (samples), four f64x2 sums per row.
    (block $tilesDone
      (loop $tiles
        (br_if $tilesDone (i32.gt_s (i32.add (local.get $j) (i32.const 8)) (local.get $cols)))
        ;; Every sum starts from its row's bias.
        (local.set $z00 (f64x2.splat (local.get $b0)))
        (local.set $z01 (local.get $z00))
        (local.set $z02 (local.get $z00))
        (local.set $z03 (local.get $z00))
        (local.set $z10 (f64x2.splat (local.get $b1)))
        (local.set $z11 (local.get $z10))
        (local.set $z12 (local.get $z10))
        (local.set $z13 (local.get $z10))
        (local.set $a (i32.add (local.get $A) (i32.shl (local.get $j) (i32.const 3))))
        (local.set $wk (i32.const 0))
        (local.set $k (i32.const 0))
        (block $kDone
          (loop $ks
            (br_if $kDone (i32.ge_s (local.get $k) (local.get $nIn)))
            (local.set $a0 (v128.load (local.get $a)))                 ;; A[k][j], A[k][j+1]
            (local.set $a1 (v128.load offset=16 (local.get $a)))       ;; A[k][j+2], A[k][j+3]
            (local.set $a2 (v128.load offset=32 (local.get $a)))       ;; A[k][j+4], A[k][j+5]
            (local.set $a3 (v128.load offset=48 (local.get $a)))       ;; A[k][j+6], A[k][j+7]
            (local.set $x0 (v128.load64_splat (i32.add (local.get $w0) (local.get $wk)))) ;; W[i][k], twice
            (local.set $x1 (v128.load64_splat (i32.add (local.get $w1) (local.get $wk)))) ;; W[i+1][k], twice
            ;; z += W[·][k]·A[k][·]: a multiply, then an add.
            (local.set $z00 (f64x2.add (local.get $z00) (f64x2.mul (local.get $x0) (local.get $a0))))
            (local.set $z01 (f64x2.add (local.get $z01) (f64x2.mul (local.get $x0) (local.get $a1))))
            (local.set $z02 (f64x2.add (local.get $z02) (f64x2.mul (local.get $x0) (local.get $a2))))
            (local.set $z03 (f64x2.add (local.get $z03) (f64x2.mul (local.get $x0) (local.get $a3))))
            (local.set $z10 (f64x2.add (local.get $z10) (f64x2.mul (local.get $x1) (local.get $a0))))
            (local.set $z11 (f64x2.add (local.get $z11) (f64x2.mul (local.get $x1) (local.get $a1))))
            (local.set $z12 (f64x2.add (local.get $z12) (f64x2.mul (local.get $x1) (local.get $a2))))
            (local.set $z13 (f64x2.add (local.get $z13) (f64x2.mul (local.get $x1) (local.get $a3))))
            (local.set $a (i32.add (local.get $a) (local.get $aStep)))
            (local.set $wk (i32.add (local.get $wk) (i32.const 8)))
            (local.set $k (i32.add (local.get $k) (i32.const 1)))
            (br $ks)))
        ;; ReLU while the sums are still in registers: z·(z > 0) + 0 on both lanes.
        (if (local.get $relu)
          (then
            (local.set $z00 (f64x2.add
              (f64x2.mul (local.get $z00)
                (v128.and (f64x2.gt (local.get $z00) (v128.const f64x2 0 0)) (v128.const f64x2 1 1)))
              (v128.const f64x2 0 0)))
            (local.set $z01 (f64x2.add
              (f64x2.mul (local.get $z01)
                (v128.and (f64x2.gt (local.get $z01) (v128.const f64x2 0 0)) (v128.const f64x2 1 1)))
              (v128.const f64x2 0 0)))
            (local.set $z02 (f64x2.add
              (f64x2.mul (local.get $z02)
                (v128.and (f64x2.gt (local.get $z02) (v128.const f64x2 0 0)) (v128.const f64x2 1 1)))
              (v128.const f64x2 0 0)))
            (local.set $z03 (f64x2.add
              (f64x2.mul (local.get $z03)
                (v128.and (f64x2.gt (local.get $z03) (v128.const f64x2 0 0)) (v128.const f64x2 1 1)))
              (v128.const f64x2 0 0)))
            (local.set $z10 (f64x2.add
              (f64x2.mul (local.get $z10)
                (v128.and (f64x2.gt (local.get $z10) (v128.const f64x2 0 0)) (v128.const f64x2 1 1)))
              (v128.const f64x2 0 0)))
            (local.set $z11 (f64x2.add
              (f64x2.mul (local.get $z11)
                (v128.and (f64x2.gt (local.get $z11) (v128.const f64x2 0 0)) (v128.const f64x2 1 1)))
              (v128.const f64x2 0 0)))
            (local.set $z12 (f64x2.add
              (f64x2.mul (local.get $z12)
                (v128.and (f64x2.gt (local.get $z12) (v128.const f64x2 0 0)) (v128.const f64x2 1 1)))
              (v128.const f64x2 0 0)))
            (local.set $z13 (f64x2.add
              (f64x2.mul (local.get $z13)
                (v128.and (f64x2.gt (local.get $z13) (v128.const f64x2 0 0)) (v128.const f64x2 1 1)))
              (v128.const f64x2 0 0)))))
        ;; Store Z[i][j..j+7] and Z[i+1][j..j+7].
        (local.set $a (i32.add (local.get $r0) (i32.shl (local.get $j) (i32.const 3))))
        (v128.store (local.get $a) (local.get $z00))
        (v128.store offset=16 (local.get $a) (local.get $z01))
        (v128.store offset=32 (local.get $a) (local.get $z02))
        (v128.store offset=48 (local.get $a) (local.get $z03))
        (local.set $a (i32.add (local.get $r1) (i32.shl (local.get $j) (i32.const 3))))
        (v128.store (local.get $a) (local.get $z10))
        (v128.store offset=16 (local.get $a) (local.get $z11))
        (v128.store offset=32 (local.get $a) (local.get $z12))
        (v128.store offset=48 (local.get $a) (local.get $z13))
        (local.set $j (i32.add (local.get $j) (i32.const 8)))
        (br $tiles)))

    ;; The 2×2 strips: two columns, one f64x2 sum per row.
    (block $pairsDone
      (loop $pairs
        (br_if $pairsDone (i32.gt_s (i32.add (local.get $j) (i32.const 2)) (local.get $cols)))
        (local.set $z00 (f64x2.splat (local.get $b0)))
        (local.set $z10 (f64x2.splat (local.get $b1)))
        (local.set $a (i32.add (local.get $A) (i32.shl (local.get $j) (i32.const 3))))
        (local.set $wk (i32.const 0))
        (local.set $k (i32.const 0))
        (block $kDone
          (loop $ks
            (br_if $kDone (i32.ge_s (local.get $k) (local.get $nIn)))
            (local.set $a0 (v128.load (local.get $a)))                 ;; A[k][j], A[k][j+1]
            (local.set $z00 (f64x2.add (local.get $z00)
              (f64x2.mul (v128.load64_splat (i32.add (local.get $w0) (local.get $wk))) (local.get $a0))))
            (local.set $z10 (f64x2.add (local.get $z10)
              (f64x2.mul (v128.load64_splat (i32.add (local.get $w1) (local.get $wk))) (local.get $a0))))
            (local.set $a (i32.add (local.get $a) (local.get $aStep)))
            (local.set $wk (i32.add (local.get $wk) (i32.const 8)))
            (local.set $k (i32.add (local.get $k) (i32.const 1)))
            (br $ks)))
        (if (local.get $relu)
          (then
            (local.set $z00 (f64x2.add
              (f64x2.mul (local.get $z00)
                (v128.and (f64x2.gt (local.get $z00) (v128.const f64x2 0 0)) (v128.const f64x2 1 1)))
              (v128.const f64x2 0 0)))
            (local.set $z10 (f64x2.add
              (f64x2.mul (local.get $z10)
                (v128.and (f64x2.gt (local.get $z10) (v128.const f64x2 0 0)) (v128.const f64x2 1 1)))
              (v128.const f64x2 0 0)))))
        (v128.store (i32.add (local.get $r0) (i32.shl (local.get $j) (i32.const 3))) (local.get $z00))
        (v128.store (i32.add (local.get $r1) (i32.shl (local.get $j) (i32.const 3))) (local.get $z10))
        (local.set $j (i32.add (local.get $j) (i32.const 2)))
        (br $pairs)))

    ;; The last column, when cols is odd: two plain f64 sums.
    (if (i32.lt_s (local.get $j) (local.get $cols))
      (then
        (local.set $s0 (local.get $b0))
        (local.set $s1 (local.get $b1))
        (local.set $a (i32.add (local.get $A) (i32.shl (local.get $j) (i32.const 3))))
        (local.set $wk (i32.const 0))
        (local.set $k (i32.const 0))
        (block $kDone
          (loop $ks
            (br_if $kDone (i32.ge_s (local.get $k) (local.get $nIn)))
            (local.set $s0 (f64.add (local.get $s0)
              (f64.mul (f64.load (i32.add (local.get $w0) (local.get $wk))) (f64.load (local.get $a)))))
            (local.set $s1 (f64.add (local.get $s1)
              (f64.mul (f64.load (i32.add (local.get $w1) (local.get $wk))) (f64.load (local.get $a)))))
            (local.set $a (i32.add (local.get $a) (local.get $aStep)))
            (local.set $wk (i32.add (local.get $wk) (i32.const 8)))
            (local.set $k (i32.add (local.get $k) (i32.const 1)))
            (br $ks)))
        ;; ReLU on one f64: (z > 0) is the i32 1 or 0, converted to 1.0 or 0.0.
        (if (local.get $relu)
          (then
            (local.set $s0 (f64.add
              (f64.mul (local.get $s0) (f64.convert_i32_u (f64.gt (local.get $s0) (f64.const 0))))
              (f64.const 0)))
            (local.set $s1 (f64.add
              (f64.mul (local.get $s1) (f64.convert_i32_u (f64.gt (local.get $s1) (f64.const 0))))
              (f64.const 0)))))
        (f64.store (i32.add (local.get $r0) (i32.shl (local.get $j) (i32.const 3))) (local.get $s0))
        (f64.store (i32.add (local.get $r1) (i32.shl (local.get $j) (i32.const 3))) (local.get $s1)))))

  ;; One row of Z (the last one, when nOut is odd): Z[i][·] from W row $w0 and
  ;; bias $b0 into the row at byte address $r0; the same three paths as $twoRows.
  (func $oneRow
    (param $w0 i32) (param $nIn i32) (param $b0 f64)
    (param $A i32) (param $aStep i32) (param $r0 i32)
    (param $cols i32) (param $relu i32)
    (local $j i32) (local $k i32) (local $a i32) (local $wk i32)
    (local $x0 v128)                    ;; W[i][k] in both lanes
    (local $z00 v128) (local $z01 v128) (local $z02 v128) (local $z03 v128) ;; Z[i][j..j+7]
    (local $s0 f64)                     ;; Z[i][j] of the last single column

    ;; 1×8: four f64x2 sums.
    (block $tilesDone
      (loop $tiles
        (br_if $tilesDone (i32.gt_s (i32.add (local.get $j) (i32.const 8)) (local.get $cols)))
        (local.set $z00 (f64x2.splat (local.get $b0)))
        (local.set $z01 (local.get $z00))
        (local.set $z02 (local.get $z00))
        (local.set $z03 (local.get $z00))
        (local.set $a (i32.add (local.get $A) (i32.shl (local.get $j) (i32.const 3))))
        (local.set $wk (i32.const 0))
        (local.set $k (i32.const 0))
        (block $kDone
          (loop $ks
            (br_if $kDone (i32.ge_s (local.get $k) (local.get $nIn)))
            (local.set $x0 (v128.load64_splat (i32.add (local.get $w0) (local.get $wk)))) ;; W[i][k], twice
            (local.set $z00 (f64x2.add (local.get $z00) (f64x2.mul (local.get $x0) (v128.load (local.get $a)))))
            (local.set $z01 (f64x2.add (local.get $z01) (f64x2.mul (local.get $x0) (v128.load offset=16 (local.get $a)))))
            (local.set $z02 (f64x2.add (local.get $z02) (f64x2.mul (local.get $x0) (v128.load offset=32 (local.get $a)))))
            (local.set $z03 (f64x2.add (local.get $z03) (f64x2.mul (local.get $x0) (v128.load offset=48 (local.get $a)))))
            (local.set $a (i32.add (local.get $a) (local.get $aStep)))
            (local.set $wk (i32.add (local.get $wk) (i32.const 8)))
            (local.set $k (i32.add (local.get $k) (i32.const 1)))
            (br $ks)))
        (if (local.get $relu)
          (then
            (local.set $z00 (f64x2.add
              (f64x2.mul (local.get $z00)
                (v128.and (f64x2.gt (local.get $z00) (v128.const f64x2 0 0)) (v128.const f64x2 1 1)))
              (v128.const f64x2 0 0)))
            (local.set $z01 (f64x2.add
              (f64x2.mul (local.get $z01)
                (v128.and (f64x2.gt (local.get $z01) (v128.const f64x2 0 0)) (v128.const f64x2 1 1)))
              (v128.const f64x2 0 0)))
            (local.set $z02 (f64x2.add
              (f64x2.mul (local.get $z02)
                (v128.and (f64x2.gt (local.get $z02) (v128.const f64x2 0 0)) (v128.const f64x2 1 1)))
              (v128.const f64x2 0 0)))
            (local.set $z03 (f64x2.add
              (f64x2.mul (local.get $z03)
                (v128.and (f64x2.gt (local.get $z03) (v128.const f64x2 0 0)) (v128.const f64x2 1 1)))
              (v128.const f64x2 0 0)))))
        (local.set $a (i32.add (local.get $r0) (i32.shl (local.get $j) (i32.const 3))))
        (v128.store (local.get $a) (local.get $z00))
        (v128.store offset=16 (local.get $a) (local.get $z01))
        (v128.store offset=32 (local.get $a) (local.get $z02))
        (v128.store offset=48 (local.get $a) (local.get $z03))
        (local.set $j (i32.add (local.get $j) (i32.const 8)))
        (br $tiles)))

    ;; 1×2: one f64x2 sum.
    (block $pairsDone
      (loop $pairs
        (br_if $pairsDone (i32.gt_s (i32.add (local.get $j) (i32.const 2)) (local.get $cols)))
        (local.set $z00 (f64x2.splat (local.get $b0)))
        (local.set $a (i32.add (local.get $A) (i32.shl (local.get $j) (i32.const 3))))
        (local.set $wk (i32.const 0))
        (local.set $k (i32.const 0))
        (block $kDone
          (loop $ks
            (br_if $kDone (i32.ge_s (local.get $k) (local.get $nIn)))
            (local.set $z00 (f64x2.add (local.get $z00)
              (f64x2.mul (v128.load64_splat (i32.add (local.get $w0) (local.get $wk))) (v128.load (local.get $a)))))
            (local.set $a (i32.add (local.get $a) (local.get $aStep)))
            (local.set $wk (i32.add (local.get $wk) (i32.const 8)))
            (local.set $k (i32.add (local.get $k) (i32.const 1)))
            (br $ks)))
        (if (local.get $relu)
          (then
            (local.set $z00 (f64x2.add
              (f64x2.mul (local.get $z00)
                (v128.and (f64x2.gt (local.get $z00) (v128.const f64x2 0 0)) (v128.const f64x2 1 1)))
              (v128.const f64x2 0 0)))))
        (v128.store (i32.add (local.get $r0) (i32.shl (local.get $j) (i32.const 3))) (local.get $z00))
        (local.set $j (i32.add (local.get $j) (i32.const 2)))
        (br $pairs)))

    ;; 1×1, when cols is odd: one plain f64 sum.
    (if (i32.lt_s (local.get $j) (local.get $cols))
      (then
        (local.set $s0 (local.get $b0))
        (local.set $a (i32.add (local.get $A) (i32.shl (local.get $j) (i32.const 3))))
        (local.set $wk (i32.const 0))
        (local.set $k (i32.const 0))
        (block $kDone
          (loop $ks
            (br_if $kDone (i32.ge_s (local.get $k) (local.get $nIn)))
            (local.set $s0 (f64.add (local.get $s0)
              (f64.mul (f64.load (i32.add (local.get $w0) (local.get $wk))) (f64.load (local.get $a)))))
            (local.set $a (i32.add (local.get $a) (local.get $aStep)))
            (local.set $wk (i32.add (local.get $wk) (i32.const 8)))
            (local.set $k (i32.add (local.get $k) (i32.const 1)))
            (br $ks)))
        (if (local.get $relu)
          (then
            (local.set $s0 (f64.add
              (f64.mul (local.get $s0) (f64.convert_i32_u (f64.gt (local.get $s0) (f64.const 0))))
              (f64.const 0)))))
        (f64.store (i32.add (local.get $r0) (i32.shl (local.get $j) (i32.const 3))) (local.get $s0)))))
)
