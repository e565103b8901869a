#include "textflag.h"

// func addRowsAVX2(acc []uint64, dense []uint64, offs []uint32)
//
// For each offset o in offs, adds dense[o:o+len(acc)] to acc, word by
// word (64-bit lanes). The caller guarantees every o+len(acc) <= len(dense).
// acc is read and written once per run of 16 (then 4, then 1) words; the
// rows are added into registers in between.
TEXT ·addRowsAVX2(SB), NOSPLIT, $0-72
	MOVQ acc_base+0(FP), DI
	MOVQ acc_len+8(FP), CX
	MOVQ dense_base+24(FP), SI
	MOVQ offs_base+48(FP), R8
	MOVQ offs_len+56(FP), R9
	XORQ AX, AX

loop16:
	MOVQ CX, DX
	SUBQ AX, DX
	CMPQ DX, $16
	JLT  loop4
	VMOVDQU 0(DI)(AX*8), Y0
	VMOVDQU 32(DI)(AX*8), Y1
	VMOVDQU 64(DI)(AX*8), Y2
	VMOVDQU 96(DI)(AX*8), Y3
	XORQ BX, BX

rows16:
	CMPQ BX, R9
	JGE  done16
	MOVL (R8)(BX*4), R10
	ADDQ AX, R10
	LEAQ (SI)(R10*8), R11
	VPADDQ 0(R11), Y0, Y0
	VPADDQ 32(R11), Y1, Y1
	VPADDQ 64(R11), Y2, Y2
	VPADDQ 96(R11), Y3, Y3
	INCQ BX
	JMP  rows16

done16:
	VMOVDQU Y0, 0(DI)(AX*8)
	VMOVDQU Y1, 32(DI)(AX*8)
	VMOVDQU Y2, 64(DI)(AX*8)
	VMOVDQU Y3, 96(DI)(AX*8)
	ADDQ $16, AX
	JMP  loop16

loop4:
	MOVQ CX, DX
	SUBQ AX, DX
	CMPQ DX, $4
	JLT  loop1
	VMOVDQU 0(DI)(AX*8), Y0
	XORQ BX, BX

rows4:
	CMPQ BX, R9
	JGE  done4
	MOVL (R8)(BX*4), R10
	ADDQ AX, R10
	VPADDQ (SI)(R10*8), Y0, Y0
	INCQ BX
	JMP  rows4

done4:
	VMOVDQU Y0, 0(DI)(AX*8)
	ADDQ $4, AX
	JMP  loop4

loop1:
	CMPQ AX, CX
	JGE  end
	MOVQ 0(DI)(AX*8), DX
	XORQ BX, BX

rows1:
	CMPQ BX, R9
	JGE  done1
	MOVL (R8)(BX*4), R10
	ADDQ AX, R10
	ADDQ (SI)(R10*8), DX
	INCQ BX
	JMP  rows1

done1:
	MOVQ DX, 0(DI)(AX*8)
	INCQ AX
	JMP  loop1

end:
	VZEROUPPER
	RET
