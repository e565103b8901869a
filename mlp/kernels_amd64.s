#include "textflag.h"

// func sumRowsAVX2(acc []int16, table []int8, offs []uint32)
//
// For each offset o in offs, adds table[o:o+len(acc)], each byte sign-
// extended, to acc. len(acc) is a multiple of 64; the caller guarantees
// every o+len(acc) <= len(table). acc is read and written once per 64
// lanes; the rows are added into registers in between.
TEXT ·sumRowsAVX2(SB), NOSPLIT, $0-72
	MOVQ acc_base+0(FP), DI
	MOVQ acc_len+8(FP), CX
	MOVQ table_base+24(FP), SI
	MOVQ offs_base+48(FP), R8
	MOVQ offs_len+56(FP), R9
	XORQ AX, AX

chunk:
	CMPQ AX, CX
	JGE  done
	VMOVDQU 0(DI)(AX*2), Y0
	VMOVDQU 32(DI)(AX*2), Y1
	VMOVDQU 64(DI)(AX*2), Y2
	VMOVDQU 96(DI)(AX*2), Y3
	XORQ BX, BX

rows:
	CMPQ BX, R9
	JGE  store
	MOVL (R8)(BX*4), R10
	ADDQ AX, R10
	LEAQ (SI)(R10*1), R11
	VPMOVSXBW 0(R11), Y4
	VPMOVSXBW 16(R11), Y5
	VPMOVSXBW 32(R11), Y6
	VPMOVSXBW 48(R11), Y7
	VPADDW Y4, Y0, Y0
	VPADDW Y5, Y1, Y1
	VPADDW Y6, Y2, Y2
	VPADDW Y7, Y3, Y3
	INCQ BX
	JMP  rows

store:
	VMOVDQU Y0, 0(DI)(AX*2)
	VMOVDQU Y1, 32(DI)(AX*2)
	VMOVDQU Y2, 64(DI)(AX*2)
	VMOVDQU Y3, 96(DI)(AX*2)
	ADDQ $64, AX
	JMP  chunk

done:
	VZEROUPPER
	RET

// func sumRows4AVX2(acc []int16, table []byte, offs []uint32)
//
// For each offset o in offs, adds the 4-bit weights of the row at
// table[o:o+len(acc)/2] to acc, each 32 bytes holding 64 weights as
// nibble lays them out (a nibble is the weight plus 8). len(acc) is a
// multiple of 64; the caller guarantees every o+len(acc)/2 <= len(table).
// The nibbles are split with a shift and a mask, summed in byte lanes
// over batches of up to 16 rows and widened to words once per batch by
// unpacking with zero within the register's two lanes, which nibble's
// order undoes; the bias, 8 per row, is taken from acc once per 64 lanes.
//
// Registers are loaded from general ones with VMOVQ, never the legacy
// SSE MOVQ: an SSE instruction after a 256-bit one (upper halves in use)
// costs this machine about 150 ns, more than the rest of the call.
TEXT ·sumRows4AVX2(SB), NOSPLIT, $0-72
	MOVQ acc_base+0(FP), DI
	MOVQ acc_len+8(FP), CX
	MOVQ table_base+24(FP), SI
	MOVQ offs_base+48(FP), R8
	MOVQ offs_len+56(FP), R9
	MOVQ $0x0f0f0f0f0f0f0f0f, R12
	VMOVQ R12, X8
	VPBROADCASTQ X8, Y8
	VPXOR Y9, Y9, Y9
	MOVQ R9, R12
	SHLQ $3, R12
	VMOVQ R12, X10
	VPBROADCASTW X10, Y10
	XORQ AX, AX
	XORQ DX, DX

chunk4:
	CMPQ AX, CX
	JGE  done4
	VMOVDQU 0(DI)(AX*2), Y0
	VMOVDQU 32(DI)(AX*2), Y1
	VMOVDQU 64(DI)(AX*2), Y2
	VMOVDQU 96(DI)(AX*2), Y3
	VPSUBW Y10, Y0, Y0
	VPSUBW Y10, Y1, Y1
	VPSUBW Y10, Y2, Y2
	VPSUBW Y10, Y3, Y3
	XORQ BX, BX

rows4:
	// A batch of at most 16 rows is summed in byte lanes (16 nibbles
	// of at most 15 cannot overflow a byte), then widened to words once:
	// the widening's unpacking, which only one port executes, is paid
	// once per batch rather than once per row.
	CMPQ BX, R9
	JGE  store4
	LEAQ 16(BX), R11
	CMPQ R11, R9
	JLE  batch4
	MOVQ R9, R11

batch4:
	VPXOR Y6, Y6, Y6
	VPXOR Y7, Y7, Y7

row4:
	MOVL (R8)(BX*4), R10
	ADDQ DX, R10
	VMOVDQU (SI)(R10*1), Y4
	VPSRLW $4, Y4, Y5
	VPAND Y8, Y4, Y4
	VPAND Y8, Y5, Y5
	VPADDB Y4, Y6, Y6
	VPADDB Y5, Y7, Y7
	INCQ BX
	CMPQ BX, R11
	JLT  row4
	VPUNPCKLBW Y9, Y6, Y4
	VPUNPCKHBW Y9, Y6, Y5
	VPADDW Y4, Y0, Y0
	VPADDW Y5, Y1, Y1
	VPUNPCKLBW Y9, Y7, Y4
	VPUNPCKHBW Y9, Y7, Y5
	VPADDW Y4, Y2, Y2
	VPADDW Y5, Y3, Y3
	JMP  rows4

store4:
	VMOVDQU Y0, 0(DI)(AX*2)
	VMOVDQU Y1, 32(DI)(AX*2)
	VMOVDQU Y2, 64(DI)(AX*2)
	VMOVDQU Y3, 96(DI)(AX*2)
	ADDQ $64, AX
	ADDQ $32, DX
	JMP  chunk4

done4:
	VZEROUPPER
	RET

// func axpyAVX2(dst []float32, w []float32, a []float32, offs []uint32)
//
// For each k, adds a[k]*w[offs[k]:offs[k]+len(dst)] to dst. len(dst) is
// a multiple of 8, len(offs) >= len(a), and the caller guarantees every
// offs[k]+len(dst) <= len(w). dst is worked in blocks of 104 (the
// parser's 103 moves in one pass), then 96, 32 and 8 lanes, each block's
// sums held in registers across the rows.
TEXT ·axpyAVX2(SB), NOSPLIT, $0-96
	MOVQ dst_base+0(FP), DI
	MOVQ dst_len+8(FP), CX
	MOVQ w_base+24(FP), SI
	MOVQ a_base+48(FP), R8
	MOVQ a_len+56(FP), R9
	MOVQ offs_base+72(FP), R10
	XORQ DX, DX

ax13:
	MOVQ CX, AX
	SUBQ DX, AX
	CMPQ AX, $104
	JLT  ax12
	LEAQ (DI)(DX*4), R13
	VMOVUPS 0(R13), Y0
	VMOVUPS 32(R13), Y1
	VMOVUPS 64(R13), Y2
	VMOVUPS 96(R13), Y3
	VMOVUPS 128(R13), Y4
	VMOVUPS 160(R13), Y5
	VMOVUPS 192(R13), Y6
	VMOVUPS 224(R13), Y7
	VMOVUPS 256(R13), Y8
	VMOVUPS 288(R13), Y9
	VMOVUPS 320(R13), Y10
	VMOVUPS 352(R13), Y11
	VMOVUPS 384(R13), Y12
	LEAQ (SI)(DX*4), R14
	XORQ BX, BX
ax13loop:
	CMPQ BX, R9
	JGE  ax13store
	VBROADCASTSS (R8)(BX*4), Y13
	MOVL (R10)(BX*4), R11
	LEAQ (R14)(R11*4), R11
	VFMADD231PS 0(R11), Y13, Y0
	VFMADD231PS 32(R11), Y13, Y1
	VFMADD231PS 64(R11), Y13, Y2
	VFMADD231PS 96(R11), Y13, Y3
	VFMADD231PS 128(R11), Y13, Y4
	VFMADD231PS 160(R11), Y13, Y5
	VFMADD231PS 192(R11), Y13, Y6
	VFMADD231PS 224(R11), Y13, Y7
	VFMADD231PS 256(R11), Y13, Y8
	VFMADD231PS 288(R11), Y13, Y9
	VFMADD231PS 320(R11), Y13, Y10
	VFMADD231PS 352(R11), Y13, Y11
	VFMADD231PS 384(R11), Y13, Y12
	INCQ BX
	JMP  ax13loop
ax13store:
	VMOVUPS Y0, 0(R13)
	VMOVUPS Y1, 32(R13)
	VMOVUPS Y2, 64(R13)
	VMOVUPS Y3, 96(R13)
	VMOVUPS Y4, 128(R13)
	VMOVUPS Y5, 160(R13)
	VMOVUPS Y6, 192(R13)
	VMOVUPS Y7, 224(R13)
	VMOVUPS Y8, 256(R13)
	VMOVUPS Y9, 288(R13)
	VMOVUPS Y10, 320(R13)
	VMOVUPS Y11, 352(R13)
	VMOVUPS Y12, 384(R13)
	ADDQ $104, DX
	JMP  ax13

ax12:
	MOVQ CX, AX
	SUBQ DX, AX
	CMPQ AX, $96
	JLT  ax4
	LEAQ (DI)(DX*4), R13
	VMOVUPS 0(R13), Y0
	VMOVUPS 32(R13), Y1
	VMOVUPS 64(R13), Y2
	VMOVUPS 96(R13), Y3
	VMOVUPS 128(R13), Y4
	VMOVUPS 160(R13), Y5
	VMOVUPS 192(R13), Y6
	VMOVUPS 224(R13), Y7
	VMOVUPS 256(R13), Y8
	VMOVUPS 288(R13), Y9
	VMOVUPS 320(R13), Y10
	VMOVUPS 352(R13), Y11
	LEAQ (SI)(DX*4), R14
	XORQ BX, BX
ax12loop:
	CMPQ BX, R9
	JGE  ax12store
	VBROADCASTSS (R8)(BX*4), Y13
	MOVL (R10)(BX*4), R11
	LEAQ (R14)(R11*4), R11
	VFMADD231PS 0(R11), Y13, Y0
	VFMADD231PS 32(R11), Y13, Y1
	VFMADD231PS 64(R11), Y13, Y2
	VFMADD231PS 96(R11), Y13, Y3
	VFMADD231PS 128(R11), Y13, Y4
	VFMADD231PS 160(R11), Y13, Y5
	VFMADD231PS 192(R11), Y13, Y6
	VFMADD231PS 224(R11), Y13, Y7
	VFMADD231PS 256(R11), Y13, Y8
	VFMADD231PS 288(R11), Y13, Y9
	VFMADD231PS 320(R11), Y13, Y10
	VFMADD231PS 352(R11), Y13, Y11
	INCQ BX
	JMP  ax12loop
ax12store:
	VMOVUPS Y0, 0(R13)
	VMOVUPS Y1, 32(R13)
	VMOVUPS Y2, 64(R13)
	VMOVUPS Y3, 96(R13)
	VMOVUPS Y4, 128(R13)
	VMOVUPS Y5, 160(R13)
	VMOVUPS Y6, 192(R13)
	VMOVUPS Y7, 224(R13)
	VMOVUPS Y8, 256(R13)
	VMOVUPS Y9, 288(R13)
	VMOVUPS Y10, 320(R13)
	VMOVUPS Y11, 352(R13)
	ADDQ $96, DX
	JMP  ax12

ax4:
	MOVQ CX, AX
	SUBQ DX, AX
	CMPQ AX, $32
	JLT  ax1
	LEAQ (DI)(DX*4), R13
	VMOVUPS 0(R13), Y0
	VMOVUPS 32(R13), Y1
	VMOVUPS 64(R13), Y2
	VMOVUPS 96(R13), Y3
	LEAQ (SI)(DX*4), R14
	XORQ BX, BX
ax4loop:
	CMPQ BX, R9
	JGE  ax4store
	VBROADCASTSS (R8)(BX*4), Y13
	MOVL (R10)(BX*4), R11
	LEAQ (R14)(R11*4), R11
	VFMADD231PS 0(R11), Y13, Y0
	VFMADD231PS 32(R11), Y13, Y1
	VFMADD231PS 64(R11), Y13, Y2
	VFMADD231PS 96(R11), Y13, Y3
	INCQ BX
	JMP  ax4loop
ax4store:
	VMOVUPS Y0, 0(R13)
	VMOVUPS Y1, 32(R13)
	VMOVUPS Y2, 64(R13)
	VMOVUPS Y3, 96(R13)
	ADDQ $32, DX
	JMP  ax4

ax1:
	MOVQ CX, AX
	SUBQ DX, AX
	CMPQ AX, $8
	JLT  axdone
	LEAQ (DI)(DX*4), R13
	VMOVUPS 0(R13), Y0
	LEAQ (SI)(DX*4), R14
	XORQ BX, BX
ax1loop:
	CMPQ BX, R9
	JGE  ax1store
	VBROADCASTSS (R8)(BX*4), Y13
	MOVL (R10)(BX*4), R11
	LEAQ (R14)(R11*4), R11
	VFMADD231PS 0(R11), Y13, Y0
	INCQ BX
	JMP  ax1loop
ax1store:
	VMOVUPS Y0, 0(R13)
	ADDQ $8, DX
	JMP  ax1

axdone:
	VZEROUPPER
	RET

// func hiddenAVX2(hid []float32, acc []int16, scale []float32)
//
// hid[i] += float32(acc[i]) * scale[i] for each i; len(hid) is a multiple
// of 8 and acc and scale are at least as long.
TEXT ·hiddenAVX2(SB), NOSPLIT, $0-72
	MOVQ hid_base+0(FP), DI
	MOVQ hid_len+8(FP), CX
	MOVQ acc_base+24(FP), SI
	MOVQ scale_base+48(FP), R8
	XORQ AX, AX

hloop:
	CMPQ AX, CX
	JGE  hdone
	VPMOVSXWD (SI)(AX*2), Y0
	VCVTDQ2PS Y0, Y0
	VMOVUPS (DI)(AX*4), Y1
	VFMADD231PS (R8)(AX*4), Y0, Y1
	VMOVUPS Y1, (DI)(AX*4)
	ADDQ $8, AX
	JMP  hloop

hdone:
	VZEROUPPER
	RET

// func fireAVX2(hid []float32, fire []float32, rows []uint32, stride int) int
//
// Lists the units i with hid[i] > 0: their values in fire and i*stride in
// rows, in order; returns how many. len(hid) is a multiple of 8 and fire
// and rows are at least as long. Branch-free: eight units are compared at
// once, and the comparison's mask picks from leftPack the permutation
// that moves the firing ones to the front; all eight are stored and the
// count advances by the mask's population (the stores past the count are
// overwritten by the next group's or lie in the slack, never past
// len(hid)).
TEXT ·fireAVX2(SB), NOSPLIT, $0-88
	MOVQ hid_base+0(FP), SI
	MOVQ hid_len+8(FP), CX
	MOVQ fire_base+24(FP), DI
	MOVQ rows_base+48(FP), R8
	MOVQ stride+72(FP), R9
	LEAQ ·leftPack(SB), R13
	LEAQ ·laneIndex(SB), R12
	XORQ AX, AX
	XORQ DX, DX
	VXORPS Y1, Y1, Y1
	VMOVQ R9, X9
	VPBROADCASTD X9, Y9
	VPMULLD (R12), Y9, Y5
	VPSLLD $3, Y9, Y9
	VPXOR Y8, Y8, Y8

fgroup:
	CMPQ AX, CX
	JGE  fdone
	VMOVUPS (SI)(AX*4), Y0
	VCMPPS  $0x0e, Y1, Y0, Y2
	VMOVMSKPS Y2, BX
	VPMOVZXBD (R13)(BX*8), Y3
	VPERMPS Y0, Y3, Y4
	VPADDD  Y8, Y5, Y6
	VPERMD  Y6, Y3, Y7
	VMOVUPS Y4, (DI)(DX*4)
	VMOVDQU Y7, (R8)(DX*4)
	POPCNTL BX, R10
	ADDQ R10, DX
	VPADDD Y9, Y8, Y8
	ADDQ $8, AX
	JMP  fgroup

fdone:
	MOVQ DX, ret+80(FP)
	VZEROUPPER
	RET

// func top2AVX2(s []float32) (first, second float32)
//
// Returns the largest of s and the next largest (equal to the largest
// when it occurs twice); len(s) is a multiple of 8 and at least 8, and s
// holds no NaN. Each lane keeps its largest and second largest; the
// lanes' pairs are then merged by halves (a pair (a1, a2) with (b1, b2)
// gives max(a1, b1) and max(min(a1, b1), max(a2, b2))).
TEXT ·top2AVX2(SB), NOSPLIT, $0-32
	MOVQ s_base+0(FP), SI
	MOVQ s_len+8(FP), CX
	VMOVUPS (SI), Y0
	MOVL $0xff800000, AX
	VMOVD AX, X1
	VBROADCASTSS X1, Y1
	MOVQ $8, AX

tloop:
	CMPQ AX, CX
	JGE  tmerge
	VMOVUPS (SI)(AX*4), Y2
	VMINPS Y0, Y2, Y3
	VMAXPS Y0, Y2, Y0
	VMAXPS Y1, Y3, Y1
	ADDQ $8, AX
	JMP  tloop

tmerge:
	// Halves: lanes 0-3 with 4-7.
	VPERM2F128 $0x01, Y0, Y0, Y2
	VPERM2F128 $0x01, Y1, Y1, Y3
	VMINPS Y0, Y2, Y4
	VMAXPS Y0, Y2, Y0
	VMAXPS Y1, Y3, Y1
	VMAXPS Y1, Y4, Y1
	// Pairs of lanes: 0-1 with 2-3.
	VPERMILPS $0x4e, Y0, Y2
	VPERMILPS $0x4e, Y1, Y3
	VMINPS Y0, Y2, Y4
	VMAXPS Y0, Y2, Y0
	VMAXPS Y1, Y3, Y1
	VMAXPS Y1, Y4, Y1
	// Lanes: 0 with 1.
	VPERMILPS $0xb1, Y0, Y2
	VPERMILPS $0xb1, Y1, Y3
	VMINPS Y0, Y2, Y4
	VMAXPS Y0, Y2, Y0
	VMAXPS Y1, Y3, Y1
	VMAXPS Y1, Y4, Y1
	VMOVSS X0, first+24(FP)
	VMOVSS X1, second+28(FP)
	VZEROUPPER
	RET
